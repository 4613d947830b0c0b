<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EcoLedger</name>
    <message>
      <source>{unit} since {day} ({by})</source>
      <translation>{unit}（自 {day} 起，{by}约谈）</translation>
    </message>
    <message>
      <source>Approvals suspended (限批): {units}</source>
      <translation>限批中：{units}</translation>
    </message>
    <message>
      <source>no valid AQI</source>
      <translation>无有效AQI</translation>
    </message>
    <message>
      <source>Cumulative PM2.5 against the target path</source>
      <translation>累计PM2.5浓度与目标进度</translation>
    </message>
    <message>
      <source>Daily AQI levels</source>
      <translation>逐日空气质量级别</translation>
    </message>
    <message>
      <source>Ranking with targets and enforcement</source>
      <translation>排名、目标与执法工作</translation>
    </message>
    <message>
      <source>{year}/{month}</source>
      <translation>{year}年{month}月</translation>
    </message>
    <message>
      <source>PM2.5 (µg/m³)</source>
      <translation>PM2.5（微克/立方米）</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Composite index (rank)</source>
      <translation>综合指数（排名）</translation>
    </message>
    <message>
      <source>Composite index</source>
      <translation>综合指数</translation>
    </message>
    <message>
      <source>Problems in the period</source>
      <translation>同期环境问题</translation>
    </message>
    <message>
      <source>Problems (count)</source>
      <translation>问题数（个）</translation>
    </message>
    <message>
      <source>Penalty cases</source>
      <translation>行政处罚</translation>
    </message>
    <message>
      <source>Cases (count)</source>
      <translation>案件数（件）</translation>
    </message>
    <message>
      <source>Ranked</source>
      <translation>参与排名</translation>
    </message>
    <message>
      <source>Bottom of the ranking</source>
      <translation>排名靠后</translation>
    </message>
    <message>
      <source>This period (cumulative mean)</source>
      <translation>本期（累计均值）</translation>
    </message>
    <message>
      <source>Same period a year before</source>
      <translation>上年同期</translation>
    </message>
    <message>
      <source>Target path</source>
      <translation>目标进度</translation>
    </message>
    <message>
      <source>Cumulative mean: {v} µg/m³</source>
      <translation>累计均值：{v} 微克/立方米</translation>
    </message>
    <message>
      <source>A year before: {v} µg/m³</source>
      <translation>上年同期：{v} 微克/立方米</translation>
    </message>
    <message>
      <source>Target path: {v} µg/m³</source>
      <translation>目标进度：{v} 微克/立方米</translation>
    </message>
    <message>
      <source>{day}: AQI {aqi}, {level}</source>
      <translation>{day}：AQI {aqi}，{level}</translation>
    </message>
    <message>
      <source>Other categories</source>
      <translation>其他类别</translation>
    </message>
    <message>
      <source>{unit}: daily values {first} to {last}</source>
      <translation>{unit} {first} 至 {last} 逐日数据</translation>
    </message>
    <message>
      <source>{unit}: stations on {day}</source>
      <translation>{unit} {day} 各站点数据</translation>
    </message>
    <message>
      <source>{unit}: composite index {index}, rank {rank}; PM2.5 {pm25} µg/m³ ({change}% against a year before)</source>
      <translation>{unit}：综合指数 {index}，排名第 {rank}；PM2.5 {pm25} 微克/立方米（同比 {change}%）</translation>
    </message>
    <message>
      <source>approvals suspended</source>
      <translation>限批中</translation>
    </message>
    <message>
      <source>{unit} {first} to {last}: {count} penalty case(s)</source>
      <translation>{unit} {first} 至 {last}：行政处罚案件 {count} 件</translation>
    </message>
    <message>
      <source>Primary pollutant: {p}</source>
      <translation>首要污染物：{p}</translation>
    </message>
    <message>
      <source>{unit} {first} to {last}, {what}: {count} problem(s)</source>
      <translation>{unit} {first} 至 {last} {what}：问题 {count} 个</translation>
    </message>
    <message>
      <source>Improvement of the index: {change}%, rank {rank}</source>
      <translation>综合指数改善 {change}%，改善幅度排名第 {rank}</translation>
    </message>
    <message>
      <source>target {target}%, done {done}%</source>
      <translation>目标 {target}%，完成 {done}%</translation>
    </message>
    <message>
      <source>{unit}: {n} case(s), {special} with special measures</source>
      <translation>{unit}：案件 {n} 件，其中适用配套办法 {special} 件</translation>
    </message>
    <message>
      <source>Record an interview</source>
      <translation>录入约谈</translation>
    </message>
    <message>
      <source>Unit interviewed</source>
      <translation>被约谈单位</translation>
    </message>
    <message>
      <source>Held on</source>
      <translation>约谈日期</translation>
    </message>
    <message>
      <source>Held by</source>
      <translation>约谈单位</translation>
    </message>
    <message>
      <source>Reasons</source>
      <translation>约谈原因</translation>
    </message>
    <message>
      <source>Requirements</source>
      <translation>整改要求</translation>
    </message>
    <message>
      <source>Plan due within (working days)</source>
      <translation>整改方案报送时限（工作日）</translation>
    </message>
    <message>
      <source>Approvals suspended from</source>
      <translation>限批开始日期</translation>
    </message>
    <message>
      <source>Restriction covers</source>
      <translation>限批范围</translation>
    </message>
    <message>
      <source>Whole jurisdiction</source>
      <translation>全辖区</translation>
    </message>
    <message>
      <source>Air quality</source>
      <translation>空气质量</translation>
    </message>
    <message>
      <source>This autumn-winter season</source>
      <translation>本秋冬季</translation>
    </message>
    <message>
      <source>Last autumn-winter season</source>
      <translation>上一秋冬季</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>本年</translation>
    </message>
    <message>
      <source>Last year</source>
      <translation>上年</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <source>Import monitoring data…</source>
      <translation>导入监测数据…</translation>
    </message>
    <message>
      <source>Record an interview…</source>
      <translation>录入约谈…</translation>
    </message>
    <message>
      <source>Export return…</source>
      <translation>导出报表…</translation>
    </message>
    <message>
      <source>Target completion</source>
      <translation>目标完成率</translation>
    </message>
    <message>
      <source>No published ranking imported (ecoledger-cli air rankings import).</source>
      <translation>尚未导入公布的城市排名（ecoledger-cli air rankings import）。</translation>
    </message>
    <message>
      <source>Import monitoring data</source>
      <translation>导入监测数据</translation>
    </message>
    <message>
      <source>Monitoring data (*.csv *.xlsx *.xls *.txt);;All files (*)</source>
      <translation>监测数据 (*.csv *.xlsx *.xls *.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Export return</source>
      <translation>导出报表</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Against a year before</source>
      <translation>同比变化</translation>
    </message>
    <message>
      <source>Good-day ratio</source>
      <translation>优良天数比例</translation>
    </message>
    <message>
      <source>Heavy-pollution days</source>
      <translation>重污染天数</translation>
    </message>
    <message>
      <source>Reading the figures…</source>
      <translation>正在读取数据…</translation>
    </message>
    <message>
      <source>Air-quality targets {first} to {last}</source>
      <translation>空气质量改善目标完成情况表 {first} 至 {last}</translation>
    </message>
    <message>
      <source>{unit}: air quality {first} to {last}</source>
      <translation>{unit}：{first} 至 {last} 空气质量</translation>
    </message>
    <message>
      <source>Custom range</source>
      <translation>自定义时段</translation>
    </message>
    <message>
      <source>{done}% of {target}%</source>
      <translation>{done}%（目标 {target}%）</translation>
    </message>
    <message>
      <source>On course</source>
      <translation>序时达标</translation>
    </message>
    <message>
      <source>Not on course</source>
      <translation>序时未达标</translation>
    </message>
    <message>
      <source>{unit}: interviewed on {day} by {by}; plan due {due}{submitted}; measures {done} of {total} done</source>
      <translation>{unit}：{day} 被{by}约谈；整改方案报送期限 {due}{submitted}；整改措施完成 {done}/{total} 项</translation>
    </message>
    <message>
      <source>Published city rankings</source>
      <translation>公布的城市排名</translation>
    </message>
    <message>
      <source> (handed in)</source>
      <translation>（已报送）</translation>
    </message>
    <message>
      <source>{n} row(s)</source>
      <translation>共 {n} 行</translation>
    </message>
    <message>
      <source>; the rest must average ≤ {mean} µg/m³</source>
      <translation>；余下各日均值须 ≤ {mean} 微克/立方米</translation>
    </message>
    <message>
      <source>approvals suspended since {day}</source>
      <translation>自 {day} 起限批</translation>
    </message>
    <message>
      <source>None in this period.</source>
      <translation>本时段无。</translation>
    </message>
    <message>
      <source>Written: {path}</source>
      <translation>已写入：{path}</translation>
    </message>
    <message>
      <source>Interviews and restrictions</source>
      <translation>约谈与限批</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Unit or station</source>
      <translation>单位或站点</translation>
    </message>
    <message>
      <source>AQI</source>
      <translation>AQI</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>级别</translation>
    </message>
    <message>
      <source>Primary pollutant</source>
      <translation>首要污染物</translation>
    </message>
    <message>
      <source>CO (mg/m³)</source>
      <translation>CO（毫克/立方米）</translation>
    </message>
    <message>
      <source>O₃ 8-h</source>
      <translation>O₃-8小时</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Too few hourly values: {names}</source>
      <translation>小时值不足：{names}</translation>
    </message>
    <message>
      <source>{n} station(s)</source>
      <translation>{n} 个站点</translation>
    </message>
    <message>
      <source>&amp;Backup</source>
      <translation>备份(&amp;B)</translation>
    </message>
    <message>
      <source>Back up the database…</source>
      <translation>备份数据库…</translation>
    </message>
    <message>
      <source>Restore the database…</source>
      <translation>恢复数据库…</translation>
    </message>
    <message>
      <source>Back up the database</source>
      <translation>备份数据库</translation>
    </message>
    <message>
      <source>Restore the database</source>
      <translation>恢复数据库</translation>
    </message>
    <message>
      <source>The ledger was restored from the backup.</source>
      <translation>已从备份恢复台账。</translation>
    </message>
    <message>
      <source>EcoLedger</source>
      <translation>生态环境整改台账</translation>
    </message>
    <message>
      <source>Replace everything in the ledger with the backup {file}? The current content is backed up first.</source>
      <translation>用备份 {file} 替换台账中的全部内容吗？当前内容会先备份。</translation>
    </message>
    <message>
      <source>Backup written to {path}</source>
      <translation>备份已写入 {path}</translation>
    </message>
    <message>
      <source>The closing backup failed: {error}</source>
      <translation>关闭时的备份失败：{error}</translation>
    </message>
    <message>
      <source>Month {month}</source>
      <translation>{month}月</translation>
    </message>
    <message>
      <source>Rectification progress (cumulative)</source>
      <translation>整改进度（累计）</translation>
    </message>
    <message>
      <source>Zero-clearance rate by county</source>
      <translation>各县区清零率</translation>
    </message>
    <message>
      <source>Deadline pressure by county</source>
      <translation>各县区整改时限压力</translation>
    </message>
    <message>
      <source>Problems by category and by source</source>
      <translation>问题类别与来源分布</translation>
    </message>
    <message>
      <source>Penalty cases and special measures per month</source>
      <translation>每月行政处罚案件与配套措施</translation>
    </message>
    <message>
      <source>Fines per month (10,000 yuan)</source>
      <translation>每月罚款金额（万元）</translation>
    </message>
    <message>
      <source>{month}/{day}</source>
      <translation>{month}月{day}日</translation>
    </message>
    <message>
      <source>{scope}{what}: {count} problem(s)</source>
      <translation>{scope}{what}：{count} 个问题</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>assigned by {day}</source>
      <translation>截至{day}交办</translation>
    </message>
    <message>
      <source>closed by {day}</source>
      <translation>截至{day}销号</translation>
    </message>
    <message>
      <source>Zero-clearance rate (%)</source>
      <translation>清零率（%）</translation>
    </message>
    <message>
      <source>At or above target</source>
      <translation>达到或超过目标</translation>
    </message>
    <message>
      <source>Below target</source>
      <translation>低于目标</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>Due in 10 days or less</source>
      <translation>10日内到期</translation>
    </message>
    <message>
      <source>Due in 11–20 days</source>
      <translation>11–20日到期</translation>
    </message>
    <message>
      <source>Due in more than 20 days</source>
      <translation>20日以上到期</translation>
    </message>
    <message>
      <source>Open problems (count)</source>
      <translation>未销号问题数（个）</translation>
    </message>
    <message>
      <source>Problems by category</source>
      <translation>按问题类别</translation>
    </message>
    <message>
      <source>Problems by source</source>
      <translation>按问题来源</translation>
    </message>
    <message>
      <source>All cases</source>
      <translation>全部案件</translation>
    </message>
    <message>
      <source>Daily continuous fines</source>
      <translation>按日连续处罚</translation>
    </message>
    <message>
      <source>Seizure and detention</source>
      <translation>查封扣押</translation>
    </message>
    <message>
      <source>Production restricted or stopped</source>
      <translation>限产停产</translation>
    </message>
    <message>
      <source>Transferred for detention</source>
      <translation>移送行政拘留</translation>
    </message>
    <message>
      <source>Transferred as crimes</source>
      <translation>移送涉嫌环境污染犯罪</translation>
    </message>
    <message>
      <source>Closed and banned</source>
      <translation>关停取缔</translation>
    </message>
    <message>
      <source>Month decided</source>
      <translation>决定月份</translation>
    </message>
    <message>
      <source>Amount (10,000 yuan)</source>
      <translation>金额（万元）</translation>
    </message>
    <message>
      <source>Assigned (cumulative)</source>
      <translation>累计交办</translation>
    </message>
    <message>
      <source>Closed (cumulative)</source>
      <translation>累计销号</translation>
    </message>
    <message>
      <source>Pace to zero by the end (序时进度)</source>
      <translation>序时进度（按期清零）</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已销号</translation>
    </message>
    <message>
      <source>Not closed</source>
      <translation>未销号</translation>
    </message>
    <message>
      <source>Fines</source>
      <translation>罚款</translation>
    </message>
    <message>
      <source>Assigned (cumulative): {n}</source>
      <translation>累计交办：{n}</translation>
    </message>
    <message>
      <source>Closed (cumulative): {n}</source>
      <translation>累计销号：{n}</translation>
    </message>
    <message>
      <source>{county}: rate {rate}% ({closed} closed of {assigned} assigned)</source>
      <translation>{county}：清零率 {rate}%（交办 {assigned} 个，销号 {closed} 个）</translation>
    </message>
    <message>
      <source>assigned</source>
      <translation>交办</translation>
    </message>
    <message>
      <source>{year}/{month}/{day}</source>
      <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
      <source>Pace needs: {n}</source>
      <translation>序时进度应达：{n}</translation>
    </message>
    <message>
      <source>Target to date {rate}%</source>
      <translation>序时目标 {rate}%</translation>
    </message>
    <message>
      <source>Average {rate}%</source>
      <translation>平均 {rate}%</translation>
    </message>
    <message>
      <source>{name}: {what} {n} of {assigned} assigned</source>
      <translation>{name}：{what} {n} 个（交办 {assigned} 个）</translation>
    </message>
    <message>
      <source>{month}: {what} {n}</source>
      <translation>{month}：{what} {n}</translation>
    </message>
    <message>
      <source>{month}: {what} {amount} (10,000 yuan), {n} case(s)</source>
      <translation>{month}：{what} {amount} 万元，{n} 件</translation>
    </message>
    <message>
      <source>{county}: {what} {n}</source>
      <translation>{county}：{what} {n}</translation>
    </message>
    <message>
      <source>{scope}{month} {what}: {count} case(s)</source>
      <translation>{scope}{month}{what}：{count} 件</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>总览</translation>
    </message>
    <message>
      <source>Any campaign</source>
      <translation>全部专项行动</translation>
    </message>
    <message>
      <source>Any batch</source>
      <translation>全部批次</translation>
    </message>
    <message>
      <source>All counties</source>
      <translation>全部县区</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Export dashboard…</source>
      <translation>导出总览…</translation>
    </message>
    <message>
      <source>Export plot…</source>
      <translation>导出图表…</translation>
    </message>
    <message>
      <source>Export plot</source>
      <translation>导出图表</translation>
    </message>
    <message>
      <source>PNG image (*.png);;SVG drawing (*.svg)</source>
      <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
      <source>Export dashboard</source>
      <translation>导出总览</translation>
    </message>
    <message>
      <source>PDF document (*.pdf);;PNG image (*.png)</source>
      <translation>PDF 文档 (*.pdf);;PNG 图片 (*.png)</translation>
    </message>
    <message>
      <source>As of</source>
      <translation>截至</translation>
    </message>
    <message>
      <source>Problems assigned</source>
      <translation>交办问题数</translation>
    </message>
    <message>
      <source>Zero-clearance rate</source>
      <translation>清零率</translation>
    </message>
    <message>
      <source>Fines (10,000 yuan)</source>
      <translation>罚款金额（万元）</translation>
    </message>
    <message>
      <source>Not a date: the figures stay as they were.</source>
      <translation>不是有效日期，图表保持不变。</translation>
    </message>
    <message>
      <source>Dashboard {day}</source>
      <translation>总览 {day}</translation>
    </message>
    <message>
      <source>As of {day}</source>
      <translation>截至 {day}</translation>
    </message>
    <message>
      <source>Fines (10,000 yuan), {n} case(s)</source>
      <translation>罚款金额（万元），{n} 件</translation>
    </message>
    <message>
      <source>{unit}: rectification as of {day}</source>
      <translation>{unit}：截至 {day} 整改情况</translation>
    </message>
    <message>
      <source>Welcome to EcoLedger</source>
      <translation>欢迎使用生态环境整改台账</translation>
    </message>
    <message>
      <source>Your name, recorded with every change</source>
      <translation>您的姓名，每次修改都会记录</translation>
    </message>
    <message>
      <source>Load demo data (2,507 problems of a Shanxi campaign)</source>
      <translation>载入演示数据（山西专项行动 2,507 个问题）</translation>
    </message>
    <message>
      <source>Bureau's jurisdiction</source>
      <translation>本局辖区</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Set up the ledger of your bureau.</source>
      <translation>请设置本局台账。</translation>
    </message>
    <message>
      <source>Choose a region from the list.</source>
      <translation>请从列表中选择行政区划。</translation>
    </message>
    <message>
      <source>Enter the operator's name.</source>
      <translation>请输入操作人姓名。</translation>
    </message>
    <message>
      <source>Name or credit code</source>
      <translation>名称或统一社会信用代码</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Request a deadline extension</source>
      <translation>申请延期</translation>
    </message>
    <message>
      <source>New deadline</source>
      <translation>新的整改时限</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Requested on</source>
      <translation>申请日期</translation>
    </message>
    <message>
      <source>New inspection</source>
      <translation>新建检查记录</translation>
    </message>
    <message>
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Inspected on</source>
      <translation>检查日期</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>检查类型</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>检查结果</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>专项行动</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>&amp;Add a problem found (Ctrl+Shift+P)</source>
      <translation>添加发现的问题(&amp;A)（Ctrl+Shift+P）</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Problem {number}</source>
      <translation>问题{number}</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改时限</translation>
    </message>
    <message>
      <source>Officer {number}</source>
      <translation>执法人员{number}</translation>
    </message>
    <message>
      <source>Rectification measure</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <source>New rectification measure</source>
      <translation>新增整改措施</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Progress (%)</source>
      <translation>进度（%）</translation>
    </message>
    <message>
      <source>Done on</source>
      <translation>完成日期</translation>
    </message>
    <message>
      <source>New batch</source>
      <translation>新建批次</translation>
    </message>
    <message>
      <source>New enterprise</source>
      <translation>新建企业</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>County</source>
      <translation>县（市、区）</translation>
    </message>
    <message>
      <source>Industry code (GB/T 4754)</source>
      <translation>行业代码（GB/T 4754）</translation>
    </message>
    <message>
      <source>Discharge permit number</source>
      <translation>排污许可证编号</translation>
    </message>
    <message>
      <source>Key monitored</source>
      <translation>重点排污单位</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>环境问题</translation>
    </message>
    <message>
      <source>New problem</source>
      <translation>新建环境问题</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>问题来源</translation>
    </message>
    <message>
      <source>Batch</source>
      <translation>交办批次</translation>
    </message>
    <message>
      <source>Assigned on</source>
      <translation>交办日期</translation>
    </message>
    <message>
      <source>Responsible unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <source>Responsible person</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Penalty case</source>
      <translation>行政处罚案件</translation>
    </message>
    <message>
      <source>New penalty case</source>
      <translation>新建处罚案件</translation>
    </message>
    <message>
      <source>Case number</source>
      <translation>处罚文号</translation>
    </message>
    <message>
      <source>Decided on</source>
      <translation>决定日期</translation>
    </message>
    <message>
      <source>Violation</source>
      <translation>违法行为</translation>
    </message>
    <message>
      <source>Fine (yuan)</source>
      <translation>罚款金额（元）</translation>
    </message>
    <message>
      <source>Daily continuous fines (yuan)</source>
      <translation>按日连续处罚金额（元）</translation>
    </message>
    <message>
      <source>New campaign</source>
      <translation>新建专项行动</translation>
    </message>
    <message>
      <source>Starts on</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Ends on</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Target rate (%)</source>
      <translation>目标清零率（%）</translation>
    </message>
    <message>
      <source>Batch number</source>
      <translation>批次号</translation>
    </message>
    <message>
      <source>Issued on</source>
      <translation>下发日期</translation>
    </message>
    <message>
      <source>Letter number</source>
      <translation>督办函文号</translation>
    </message>
    <message>
      <source>(the enterprise's)</source>
      <translation>（同企业所在地）</translation>
    </message>
    <message>
      <source>added</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>Old value</source>
      <translation>原值</translation>
    </message>
    <message>
      <source>New value</source>
      <translation>新值</translation>
    </message>
    <message>
      <source>Reading the history…</source>
      <translation>正在读取修改记录…</translation>
    </message>
    <message>
      <source>Progress log</source>
      <translation>进展记录</translation>
    </message>
    <message>
      <source>Deadline extension</source>
      <translation>延期申请</translation>
    </message>
    <message>
      <source>Attachment</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Inspection</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>History — {record}</source>
      <translation>修改记录 — {record}</translation>
    </message>
    <message>
      <source>{count} change(s), oldest first</source>
      <translation>共 {count} 处修改，按时间先后排列</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Header</source>
      <translation>表头</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Choose the workbook</source>
      <translation>选择工作簿</translation>
    </message>
    <message>
      <source>An Excel ledger (.xlsx, .xls or .ods) with one problem per row.</source>
      <translation>Excel 整改台账（.xlsx、.xls 或 .ods），每行一个问题。</translation>
    </message>
    <message>
      <source>Path of the Excel file</source>
      <translation>Excel 文件路径</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Import an Excel ledger</source>
      <translation>导入 Excel 台账</translation>
    </message>
    <message>
      <source>Check the columns</source>
      <translation>核对列对应</translation>
    </message>
    <message>
      <source>Each ledger field and the sheet column it is read from. Fields marked * are required.</source>
      <translation>台账字段及其读取自的表格列。带 * 的字段必须对应。</translation>
    </message>
    <message>
      <source>No campaign</source>
      <translation>不归入专项行动</translation>
    </message>
    <message>
      <source>Header found in row {first}; data from row {data}.</source>
      <translation>表头在第 {first} 行，数据从第 {data} 行开始。</translation>
    </message>
    <message>
      <source>Header found in rows {first}–{last}; data from row {data}.</source>
      <translation>表头在第 {first}–{last} 行，数据从第 {data} 行开始。</translation>
    </message>
    <message>
      <source>Check the rows</source>
      <translation>检查各行</translation>
    </message>
    <message>
      <source>Errors are red and must be corrected in the workbook; warnings are amber and do not stop the import.</source>
      <translation>错误标红，须在工作簿中改正；警告标黄，不影响导入。</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Checking the rows…</source>
      <translation>正在检查各行…</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Stop the import</source>
      <translation>停止导入</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>未导入任何数据。</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <source>Ledger field</source>
      <translation>台账字段</translation>
    </message>
    <message>
      <source>Sheet column</source>
      <translation>表格列</translation>
    </message>
    <message>
      <source>First value</source>
      <translation>首行内容</translation>
    </message>
    <message>
      <source>New batches belong to</source>
      <translation>新建批次归入</translation>
    </message>
    <message>
      <source>(not imported)</source>
      <translation>（不导入）</translation>
    </message>
    <message>
      <source>{rows} row(s) read: {errors} error(s), {warnings} warning(s).</source>
      <translation>共读取 {rows} 行：错误 {errors} 处，警告 {warnings} 条。</translation>
    </message>
    <message>
      <source>Correct the errors in the workbook, then check again.</source>
      <translation>请在工作簿中改正错误后重新检查。</translation>
    </message>
    <message>
      <source>Stopping…</source>
      <translation>正在停止…</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was written.</source>
      <translation>已取消导入，未写入任何数据。</translation>
    </message>
    <message>
      <source>{name} ({rows} rows)</source>
      <translation>{name}（{rows} 行）</translation>
    </message>
    <message>
      <source>{sheet}, hidden</source>
      <translation>{sheet}，隐藏</translation>
    </message>
    <message>
      <source>The import will add {added}, update {updated} and leave {unchanged} unchanged.</source>
      <translation>导入将新增 {added}，更新 {updated}，未变 {unchanged}。</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>交办数</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>整改状态</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Permit number</source>
      <translation>排污许可证编号</translation>
    </message>
    <message>
      <source>Officers</source>
      <translation>执法人员</translation>
    </message>
    <message>
      <source>Problem count</source>
      <translation>问题数</translation>
    </message>
    <message>
      <source>Decided</source>
      <translation>决定日期</translation>
    </message>
    <message>
      <source>Daily fines (yuan)</source>
      <translation>按日计罚（元）</translation>
    </message>
    <message>
      <source>Special measures</source>
      <translation>配套措施</translation>
    </message>
    <message>
      <source>Starts</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Ends</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Batches</source>
      <translation>批次数</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>下发日期</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>丢弃</translation>
    </message>
    <message>
      <source>New record</source>
      <translation>新建记录</translation>
    </message>
    <message>
      <source>&amp;Ledger</source>
      <translation>台账(&amp;L)</translation>
    </message>
    <message>
      <source>Settings…</source>
      <translation>设置…</translation>
    </message>
    <message>
      <source>Import an Excel ledger…</source>
      <translation>导入 Excel 台账…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>EcoLedger — {unit}</source>
      <translation>生态环境整改台账 — {unit}</translation>
    </message>
    <message>
      <source>Operator: {name}</source>
      <translation>操作人：{name}</translation>
    </message>
    <message>
      <source>{count} unsaved form(s) from last time can be restored.</source>
      <translation>上次有 {count} 份未保存的表单，可以恢复。</translation>
    </message>
    <message>
      <source>Enterprises</source>
      <translation>排污单位</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>现场检查</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题台账</translation>
    </message>
    <message>
      <source>Campaigns and batches</source>
      <translation>专项行动与批次</translation>
    </message>
    <message>
      <source>Returns</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Data exchange</source>
      <translation>数据交换</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Any category</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>Overdue only</source>
      <translation>仅看逾期</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>{count} rows</source>
      <translation>共 {count} 条</translation>
    </message>
    <message>
      <source>New batch…</source>
      <translation>新建批次…</translation>
    </message>
    <message>
      <source>Batches of the selected campaign</source>
      <translation>所选专项行动的交办批次</translation>
    </message>
    <message>
      <source>No shared key: files carry a checksum only. Choose the bureau's key file, or make one on the first PC and copy it to the others.</source>
      <translation>未设置共享密钥：交换文件只带校验和。请选择本局的密钥文件；如尚无密钥，在第一台电脑上新建，再复制到其他电脑。</translation>
    </message>
    <message>
      <source>Mine</source>
      <translation>本机的值</translation>
    </message>
    <message>
      <source>Theirs</source>
      <translation>对方的值</translation>
    </message>
    <message>
      <source>Partner site</source>
      <translation>对方站点</translation>
    </message>
    <message>
      <source>Rename</source>
      <translation>保存名称</translation>
    </message>
    <message>
      <source>With attachment files</source>
      <translation>含附件文件</translation>
    </message>
    <message>
      <source>Carry the photos and documents of the exported records too (a larger file).</source>
      <translation>同时带上所导出记录的照片和文件（文件会较大）。</translation>
    </message>
    <message>
      <source>Send again</source>
      <translation>重新发送</translation>
    </message>
    <message>
      <source>A file was lost on the way: send again everything since what this partner last confirmed having.</source>
      <translation>交换文件在途中丢失时使用：从对方最近确认收到的位置起重新发送全部更改。</translation>
    </message>
    <message>
      <source>Export exchange file…</source>
      <translation>导出交换文件…</translation>
    </message>
    <message>
      <source>Import exchange file…</source>
      <translation>导入交换文件…</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>保留本机</translation>
    </message>
    <message>
      <source>Take theirs</source>
      <translation>采用对方</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Choose key file…</source>
      <translation>选择密钥文件…</translation>
    </message>
    <message>
      <source>New key file…</source>
      <translation>新建密钥文件…</translation>
    </message>
    <message>
      <source>Forget key file</source>
      <translation>不再使用密钥文件</translation>
    </message>
    <message>
      <source>Only on the first PC: the others copy its key file and choose it here.</source>
      <translation>只在第一台电脑上新建：其他电脑复制这个密钥文件，再在此处选择它。</translation>
    </message>
    <message>
      <source>This site</source>
      <translation>本站点</translation>
    </message>
    <message>
      <source>Shared key</source>
      <translation>共享密钥</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>交换对象</translation>
    </message>
    <message>
      <source>Conflicts to resolve</source>
      <translation>待处理的冲突</translation>
    </message>
    <message>
      <source>All changes (any site)</source>
      <translation>全部更改（不限站点）</translation>
    </message>
    <message>
      <source>Read it to the other bureau on the phone: the same fingerprint means the same key.</source>
      <translation>可在电话中向对方念出核对：指纹相同即密钥相同。</translation>
    </message>
    <message>
      <source>Choose the shared key file</source>
      <translation>选择共享密钥文件</translation>
    </message>
    <message>
      <source>Key files (*.key);;All files (*)</source>
      <translation>密钥文件 (*.key);;所有文件 (*)</translation>
    </message>
    <message>
      <source>New shared key file</source>
      <translation>新建共享密钥文件</translation>
    </message>
    <message>
      <source>Key files (*.key)</source>
      <translation>密钥文件 (*.key)</translation>
    </message>
    <message>
      <source>This ledger has no key file now.</source>
      <translation>本台账已不再使用密钥文件。</translation>
    </message>
    <message>
      <source>all</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Export exchange file</source>
      <translation>导出交换文件</translation>
    </message>
    <message>
      <source>Exchange files (*.ecox)</source>
      <translation>交换文件 (*.ecox)</translation>
    </message>
    <message>
      <source>Exporting the exchange file…</source>
      <translation>正在导出交换文件…</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>已取消导出，未写入文件。</translation>
    </message>
    <message>
      <source>Import exchange file</source>
      <translation>导入交换文件</translation>
    </message>
    <message>
      <source>Importing the exchange file…</source>
      <translation>正在导入交换文件…</translation>
    </message>
    <message>
      <source>Import cancelled; the ledger is unchanged.</source>
      <translation>已取消导入，台账未改变。</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>站点</translation>
    </message>
    <message>
      <source>Jurisdiction</source>
      <translation>辖区</translation>
    </message>
    <message>
      <source>Last export to</source>
      <translation>最近导出给对方</translation>
    </message>
    <message>
      <source>Last import from</source>
      <translation>最近从对方导入</translation>
    </message>
    <message>
      <source>The key in the environment variable {name} is in use; it wins over any key file.</source>
      <translation>正在使用环境变量 {name} 中的密钥，它优先于密钥文件。</translation>
    </message>
    <message>
      <source>Key file: {path}</source>
      <translation>密钥文件：{path}</translation>
    </message>
    <message>
      <source>Site name</source>
      <translation>站点名称</translation>
    </message>
    <message>
      <source>Export for</source>
      <translation>导出给</translation>
    </message>
    <message>
      <source>Choose a conflict first.</source>
      <translation>请先选择一处冲突。</translation>
    </message>
    <message>
      <source>Edit the value</source>
      <translation>修改取值</translation>
    </message>
    <message>
      <source>Site id {id}, jurisdiction {jurisdiction}</source>
      <translation>站点编号 {id}，辖区 {jurisdiction}</translation>
    </message>
    <message>
      <source>Key file chosen: {path}</source>
      <translation>已选择密钥文件：{path}</translation>
    </message>
    <message>
      <source>exchange.key</source>
      <translation>交换密钥.key</translation>
    </message>
    <message>
      <source>New key file written to {path}: copy it to the other PCs and choose it there.</source>
      <translation>已新建密钥文件 {path}：请复制到其他电脑，并在那里选择它。</translation>
    </message>
    <message>
      <source>Key file (not used while the variable is set): {path}</source>
      <translation>密钥文件（设置了该环境变量时不使用）：{path}</translation>
    </message>
    <message>
      <source>Fingerprint: {fingerprint}</source>
      <translation>密钥指纹：{fingerprint}</translation>
    </message>
    <message>
      <source>The file could not be read or written: {reason}</source>
      <translation>无法读写该文件：{reason}</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>整改前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>整改后</translation>
    </message>
    <message>
      <source>Photos and files</source>
      <translation>照片和附件</translation>
    </message>
    <message>
      <source>approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>Progress note or reason</source>
      <translation>进展情况或原因</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>添加进展</translation>
    </message>
    <message>
      <source>Attach photos or files…</source>
      <translation>添加照片或附件…</translation>
    </message>
    <message>
      <source>History…</source>
      <translation>修改记录…</translation>
    </message>
    <message>
      <source>Attach photos or files</source>
      <translation>添加照片或附件</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>不予批准</translation>
    </message>
    <message>
      <source>requested</source>
      <translation>已申请</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>整改过程</translation>
    </message>
    <message>
      <source>Select a problem to see its timeline.</source>
      <translation>选择一个问题以查看整改过程。</translation>
    </message>
    <message>
      <source>Status: {status}</source>
      <translation>状态：{status}</translation>
    </message>
    <message>
      <source>Note: {note}</source>
      <translation>进展：{note}</translation>
    </message>
    <message>
      <source>{in_force} (extended; originally {original})</source>
      <translation>{in_force}（已延期，原时限 {original}）</translation>
    </message>
    <message>
      <source>{status} · assigned {assigned} · deadline {deadline}
{text}</source>
      <translation>{status} · {assigned} 交办 · 时限 {deadline}
{text}</translation>
    </message>
    <message>
      <source>Extension to {day} ({state}): {reason}</source>
      <translation>延期至 {day}（{state}）：{reason}</translation>
    </message>
    <message>
      <source>Measure {seq}: {text} — {progress}%</source>
      <translation>整改措施{seq}：{text} — {progress}%</translation>
    </message>
    <message>
      <source>→ {status}</source>
      <translation>→ {status}</translation>
    </message>
    <message>
      <source>Add measure… (Ctrl+M)</source>
      <translation>添加整改措施…（Ctrl+M）</translation>
    </message>
    <message>
      <source>Delete measure…</source>
      <translation>删除措施…</translation>
    </message>
    <message>
      <source>Request extension… (Ctrl+E)</source>
      <translation>申请延期…（Ctrl+E）</translation>
    </message>
    <message>
      <source>Refuse…</source>
      <translation>不予延期…</translation>
    </message>
    <message>
      <source>Delete measure</source>
      <translation>删除措施</translation>
    </message>
    <message>
      <source>Refuse extension</source>
      <translation>不予延期</translation>
    </message>
    <message>
      <source>Rectification measures</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <source>by {day}</source>
      <translation>限 {day} 前</translation>
    </message>
    <message>
      <source>done {day}</source>
      <translation>{day} 完成</translation>
    </message>
    <message>
      <source>Delete the measure “{measure}”? The change history keeps a record of it.</source>
      <translation>确定删除措施“{measure}”？修改记录中会保留它。</translation>
    </message>
    <message>
      <source>Refuse the request to extend the deadline to {day}? The deadline in force stays.</source>
      <translation>不批准延期至 {day} 的申请？现行整改时限不变。</translation>
    </message>
    <message>
      <source>Approve extension to {day}</source>
      <translation>批准延期至 {day}</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>Export the ledger…</source>
      <translation>导出台账…</translation>
    </message>
    <message>
      <source>All campaigns</source>
      <translation>全部专项行动</translation>
    </message>
    <message>
      <source>Rectification ledger</source>
      <translation>整改台账</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Exporting the return…</source>
      <translation>正在导出报表…</translation>
    </message>
    <message>
      <source>Exporting the ledger…</source>
      <translation>正在导出台账…</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>The as-of date is not a date.</source>
      <translation>截止日期不是有效日期。</translation>
    </message>
    <message>
      <source>{rows} row(s) to export</source>
      <translation>导出时共 {rows} 行</translation>
    </message>
    <message>
      <source>Written to {path}</source>
      <translation>已写入 {path}</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Reporting unit</source>
      <translation>填报单位</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>A new language shows after a restart.</source>
      <translation>更改语言后需重新启动。</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Remember me on this PC</source>
      <translation>在这台电脑上记住我</translation>
    </message>
    <message>
      <source>Login</source>
      <translation>登录名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在核对…</translation>
    </message>
    <message>
      <source>YYYY-MM-DD</source>
      <translation>年-月-日</translation>
    </message>
    <message>
      <source>Search names, descriptions, case numbers…</source>
      <translation>搜索名称、问题描述、文号…</translation>
    </message>
  </context>
</TS>
