<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EcoLedger</name>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Password again</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>账号</translation>
    </message>
    <message>
      <source>Add account…</source>
      <translation>添加账号…</translation>
    </message>
    <message>
      <source>Disable</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Change role…</source>
      <translation>更改角色…</translation>
    </message>
    <message>
      <source>Reset password…</source>
      <translation>重置密码…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>&amp;Accounts</source>
      <translation>账号(&amp;A)</translation>
    </message>
    <message>
      <source>Manage accounts…</source>
      <translation>管理账号…</translation>
    </message>
    <message>
      <source>Create accounts…</source>
      <translation>创建账号…</translation>
    </message>
    <message>
      <source>Switch user…</source>
      <translation>切换用户…</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Login</source>
      <translation>登录名</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>The administrator adds the clerks and managers, and is the only one who may change the bureau's settings or restore a backup. Each change is recorded under the account that made it.</source>
      <translation>管理员负责添加录入员和科室负责人账号，也是唯一可以修改单位设置和从备份恢复的人。每项修改都记录在做出修改的账号名下。</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Change role</source>
      <translation>更改角色</translation>
    </message>
    <message>
      <source>{login} is now a {role}.</source>
      <translation>{login} 现在的角色是{role}。</translation>
    </message>
    <message>
      <source>No accounts: whoever uses this PC acts as administrator</source>
      <translation>尚未建立账号：使用本机的任何人都以管理员身份操作</translation>
    </message>
    <message>
      <source>Create the administrator account</source>
      <translation>创建管理员账号</translation>
    </message>
    <message>
      <source>New account</source>
      <translation>新账号</translation>
    </message>
    <message>
      <source>Enable</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>{login} may sign in again.</source>
      <translation>{login} 可以重新登录。</translation>
    </message>
    <message>
      <source>{login} can no longer sign in.</source>
      <translation>{login} 已不能登录。</translation>
    </message>
    <message>
      <source>New password for {login}</source>
      <translation>为 {login} 设置新密码</translation>
    </message>
    <message>
      <source>Role of {login}</source>
      <translation>{login} 的角色</translation>
    </message>
    <message>
      <source>Signed in: {who}</source>
      <translation>当前登录：{who}</translation>
    </message>
    <message>
      <source>New password set for {login}.</source>
      <translation>已为 {login} 设置新密码。</translation>
    </message>
    <message>
      <source>{unit} since {day} ({by})</source>
      <translation>{unit}（自 {day} 起，{by}约谈）</translation>
    </message>
    <message>
      <source>Approvals suspended: {units}</source>
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
      <source>EcoLedger backup (*.zip)</source>
      <translation>生态环境整改台账备份 (*.zip)</translation>
    </message>
    <message>
      <source>EcoLedger backup (*.zip);;Older backup (*.db)</source>
      <translation>生态环境整改台账备份 (*.zip);;旧版备份 (*.db)</translation>
    </message>
    <message>
      <source>Made {when} by {who}.</source>
      <translation>备份于 {when}，操作人 {who}。</translation>
    </message>
    <message>
      <source>An older backup of the database alone: it holds no attached files.</source>
      <translation>这是只含数据库的旧版备份，不含附件文件。</translation>
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
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>It holds {problems} problems, {enterprises} enterprises and {files} attached files.</source>
      <translation>其中有问题 {problems} 个、企业 {enterprises} 家、附件文件 {files} 个。</translation>
    </message>
    <message>
      <source>The ledger as it is now is backed up first.</source>
      <translation>恢复前会先备份当前台账。</translation>
    </message>
    <message>
      <source>{count} attached files were already missing when it was made.</source>
      <translation>备份时已有 {count} 个附件文件缺失。</translation>
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
      <source>Replace everything in the ledger with the backup {file}?</source>
      <translation>用备份 {file} 替换台账中的全部内容吗？</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>使用中</translation>
    </message>
    <message>
      <source>Retired</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Development zone</source>
      <translation>开发区</translation>
    </message>
    <message>
      <source>City department</source>
      <translation>市直部门</translation>
    </message>
    <message>
      <source>Township</source>
      <translation>乡镇/街道</translation>
    </message>
    <message>
      <source>optional; made when left empty, e.g. x3f9c0a</source>
      <translation>可不填；不填时自动生成，如 x3f9c0a</translation>
    </message>
    <message>
      <source>words separated by 、 e.g. 土壤、耕地</source>
      <translation>用顿号分隔，如 土壤、耕地</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Synonyms</source>
      <translation>同义词</translation>
    </message>
    <message>
      <source>Add as new entry</source>
      <translation>添加为新条目</translation>
    </message>
    <message>
      <source>Save label and synonyms</source>
      <translation>保存名称和同义词</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Retire</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>New (clear the fields)</source>
      <translation>新建（清空各栏）</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Merge into it</source>
      <translation>并入该条目</translation>
    </message>
    <message>
      <source>“{label}” is offered again.</source>
      <translation>“{label}”已重新启用。</translation>
    </message>
    <message>
      <source>“{label}” is retired: rows that carry it keep it.</source>
      <translation>“{label}”已停用：已有记录保留该值。</translation>
    </message>
    <message>
      <source>optional; e.g. 141000Z01 when left empty</source>
      <translation>可不填；不填时自动生成，如 141000Z01</translation>
    </message>
    <message>
      <source>Unit kind</source>
      <translation>单位类型</translation>
    </message>
    <message>
      <source>Belongs to</source>
      <translation>上级</translation>
    </message>
    <message>
      <source>Add as new unit</source>
      <translation>添加为新单位</translation>
    </message>
    <message>
      <source>Save name</source>
      <translation>保存名称</translation>
    </message>
    <message>
      <source>Units are rows of their own in figures and returns, after the counties, in this order. A township counts on its county's row in the city's figures.</source>
      <translation>单位在统计和报表中单列一行，排在各县区之后，按此处顺序排列。乡镇/街道在全市统计中计入所属县区。</translation>
    </message>
    <message>
      <source>“{name}” is offered again.</source>
      <translation>“{name}”已重新启用。</translation>
    </message>
    <message>
      <source>“{name}” is retired: rows that carry it keep it.</source>
      <translation>“{name}”已停用：已有记录保留该值。</translation>
    </message>
    <message>
      <source>Code lists and units</source>
      <translation>代码表与单位</translation>
    </message>
    <message>
      <source>Problem categories</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <source>Problem sources</source>
      <translation>问题来源</translation>
    </message>
    <message>
      <source>Units beyond counties</source>
      <translation>开发区、部门与乡镇</translation>
    </message>
    <message>
      <source>Merged into {code}</source>
      <translation>已并入 {code}</translation>
    </message>
    <message>
      <source>Move every problem of the selected entry to:</source>
      <translation>把所选条目的全部问题移到：</translation>
    </message>
    <message>
      <source>Bring back</source>
      <translation>重新启用</translation>
    </message>
    <message>
      <source>Select an entry first.</source>
      <translation>请先选择一个条目。</translation>
    </message>
    <message>
      <source>Select a unit first.</source>
      <translation>请先选择一个单位。</translation>
    </message>
    <message>
      <source>Problem count</source>
      <translation>问题数</translation>
    </message>
    <message>
      <source>Added “{label}”.</source>
      <translation>已添加“{label}”。</translation>
    </message>
    <message>
      <source>Saved “{label}”.</source>
      <translation>已保存“{label}”。</translation>
    </message>
    <message>
      <source>Moved “{label}”.</source>
      <translation>已移动“{label}”。</translation>
    </message>
    <message>
      <source>Move all {count} problems of “{label}” to “{into}” and retire “{label}”? Each move is kept in the audit trail.</source>
      <translation>把“{label}”的全部 {count} 个问题移到“{into}”，并停用“{label}”？每一处改动都记入审计记录。</translation>
    </message>
    <message>
      <source>“{label}” merged into “{into}”.</source>
      <translation>“{label}”已并入“{into}”。</translation>
    </message>
    <message>
      <source>Added “{name}”.</source>
      <translation>已添加“{name}”。</translation>
    </message>
    <message>
      <source>Saved “{name}”.</source>
      <translation>已保存“{name}”。</translation>
    </message>
    <message>
      <source>Moved “{name}”.</source>
      <translation>已移动“{name}”。</translation>
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
      <source>Pace to zero by the end</source>
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
      <source>Clocks overdue: {n}</source>
      <translation>期限已逾期 {n} 项</translation>
    </message>
    <message>
      <source>due this week: {n}</source>
      <translation>本周到期 {n} 项</translation>
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
      <source>Awaiting decision…</source>
      <translation>待决事项…</translation>
    </message>
    <message>
      <source>Extension requests to approve and problems reported done to verify</source>
      <translation>待审批的延期申请和已报完成、待核销的问题</translation>
    </message>
    <message>
      <source>Export dashboard…</source>
      <translation>导出总览…</translation>
    </message>
    <message>
      <source>The ledger holds no problem and no penalty case yet, so there is nothing to plot. Record the first problem, import the ledger your bureau keeps in Excel, or load demo data to see what this page shows.</source>
      <translation>台账里还没有问题和处罚案件，暂无可绘制的图表。请录入第一个问题、导入本局用 Excel 记的台账，或载入演示数据看看本页的样子。</translation>
    </message>
    <message>
      <source>New problem</source>
      <translation>新建环境问题</translation>
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
      <source>Awaiting acceptance</source>
      <translation>已完成待验收</translation>
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
      <source>Awaiting decision: {asked} extension(s), {done} to verify</source>
      <translation>待审批延期 {asked} 项 · 待核销 {done} 项</translation>
    </message>
    <message>
      <source>As of {day}</source>
      <translation>截至 {day}</translation>
    </message>
    <message>
      <source>Awaiting acceptance; {n} settled in stage</source>
      <translation>已完成待验收（另有阶段性办结 {n}）</translation>
    </message>
    <message>
      <source>Fines (10,000 yuan), {n} case(s)</source>
      <translation>罚款金额（万元），{n} 件</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>整改总览</translation>
    </message>
    <message>
      <source>as of {day}</source>
      <translation>截至 {day}</translation>
    </message>
    <message>
      <source>{unit}: rectification as of {day}</source>
      <translation>{unit}：截至 {day} 整改情况</translation>
    </message>
    <message>
      <source>Import a ledger from Excel…</source>
      <translation>从 Excel 导入台账…</translation>
    </message>
    <message>
      <source>Load demo data</source>
      <translation>载入演示数据</translation>
    </message>
    <message>
      <source>Only while the ledger is empty; for trying the program</source>
      <translation>仅限空台账，用于试用本程序</translation>
    </message>
    <message>
      <source>Loading demo data…</source>
      <translation>正在载入演示数据…</translation>
    </message>
    <message>
      <source>New record</source>
      <translation>新建记录</translation>
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
      <source>What you sign in with, e.g. wangxf</source>
      <translation>登录时使用，例如 wangxf</translation>
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
      <source>Administrator's name</source>
      <translation>管理员姓名</translation>
    </message>
    <message>
      <source>Set up the ledger of your bureau. You become its administrator: you add the clerks' and managers' accounts afterwards.</source>
      <translation>设置本单位的台账。您将成为管理员，之后再添加录入员和科室负责人的账号。</translation>
    </message>
    <message>
      <source>At least {n} characters</source>
      <translation>至少 {n} 个字符</translation>
    </message>
    <message>
      <source>Choose a region from the list.</source>
      <translation>请从列表中选择行政区划。</translation>
    </message>
    <message>
      <source>{n} regions fit “{text}”: choose one from the list.</source>
      <translation>有 {n} 个行政区划与“{text}”相符，请从列表中选择。</translation>
    </message>
    <message>
      <source>Enter the operator's name.</source>
      <translation>请输入操作人姓名。</translation>
    </message>
    <message>
      <source>Enter a login without spaces.</source>
      <translation>请输入不含空格的登录名。</translation>
    </message>
    <message>
      <source>The password needs at least {n} characters.</source>
      <translation>密码至少 {n} 个字符。</translation>
    </message>
    <message>
      <source>Add after-photos…</source>
      <translation>添加整改后照片…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>After-photos</source>
      <translation>整改后照片</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;All files (*)</source>
      <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Close after acceptance</source>
      <translation>验收销号</translation>
    </message>
    <message>
      <source>Accepted on</source>
      <translation>验收日期</translation>
    </message>
    <message>
      <source>Verified by</source>
      <translation>验收人</translation>
    </message>
    <message>
      <source>Verifying unit</source>
      <translation>验收单位</translation>
    </message>
    <message>
      <source>Acceptance opinion</source>
      <translation>验收意见</translation>
    </message>
    <message>
      <source>Close the problem</source>
      <translation>销号</translation>
    </message>
    <message>
      <source>Closing {problem}</source>
      <translation>销号：{problem}</translation>
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
      <source>a date, 立行立改, 2024年6月底前, 长期坚持, 20个工作日…</source>
      <translation>日期，或立行立改、2024年6月底前、长期坚持、20个工作日…</translation>
    </message>
    <message>
      <source>Throw away what you typed in this form?</source>
      <translation>放弃在此表单中输入的内容吗？</translation>
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
      <source>Inspection sheet</source>
      <translation>检查记录</translation>
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
      <source>Delete inspection…</source>
      <translation>删除检查记录…</translation>
    </message>
    <message>
      <source>Delete inspection</source>
      <translation>删除检查记录</translation>
    </message>
    <message>
      <source>Delete this inspection sheet? The change history keeps a record of it.</source>
      <translation>删除这条检查记录吗？修改历史会保留其内容。</translation>
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
      <source>Problems found on this sheet: {list}. Correct them on the Problems page; problems added below are added to them.</source>
      <translation>本次检查已记录的问题：{list}。请在“问题”页修改这些问题；下方新添加的问题将一并记入本次检查。</translation>
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
      <source>Problems this case punishes</source>
      <translation>本案处罚的问题</translation>
    </message>
    <message>
      <source>Filter by number or description</source>
      <translation>按编号或问题描述筛选</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>关联</translation>
    </message>
    <message>
      <source>No problem recorded for this enterprise yet.</source>
      <translation>该企业尚无登记的问题。</translation>
    </message>
    <message>
      <source>New plan</source>
      <translation>新建抽查计划</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>To</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Officers from another county (cross-county inspection)</source>
      <translation>抽取外区县执法人员（交叉检查）</translation>
    </message>
    <message>
      <source>25 = 25%, 3家 = a count</source>
      <translation>填25即25%，填3家即抽3家</translation>
    </message>
    <message>
      <source>Inspection items</source>
      <translation>抽查事项</translation>
    </message>
    <message>
      <source>{name}: share</source>
      <translation>{name}抽取比例</translation>
    </message>
    <message>
      <source>Random inspection of a drawn task</source>
      <translation>双随机抽查任务检查记录</translation>
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
      <source>Credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>County</source>
      <translation>县（市、区）</translation>
    </message>
    <message>
      <source>code or name, e.g. 2521</source>
      <translation>代码或名称，如 2521、炼焦</translation>
    </message>
    <message>
      <source>Industry (GB/T 4754)</source>
      <translation>行业（GB/T 4754）</translation>
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
      <source>left empty: numbered automatically</source>
      <translation>留空则自动编号</translation>
    </message>
    <message>
      <source>Complaint number</source>
      <translation>受理编号</translation>
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
      <source>Further categories</source>
      <translation>其他类别</translation>
    </message>
    <message>
      <source>e.g. 噪声、扬尘 (labels or synonyms)</source>
      <translation>如 噪声、扬尘（名称或同义词）</translation>
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
      <source>Case opened on</source>
      <translation>立案日期</translation>
    </message>
    <message>
      <source>Decided on</source>
      <translation>决定日期</translation>
    </message>
    <message>
      <source>Problems punished (numbers, 、 between)</source>
      <translation>所处罚问题（问题编号，多个以、分隔）</translation>
    </message>
    <message>
      <source>Choose from the enterprise's problems</source>
      <translation>从该企业的问题中选择</translation>
    </message>
    <message>
      <source>Inspection that found it (date)</source>
      <translation>发现问题的检查（检查日期）</translation>
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
      <source>Transferred for detention on</source>
      <translation>移送行政拘留日期</translation>
    </message>
    <message>
      <source>Police accepted (detention) on</source>
      <translation>公安机关受理日期（拘留）</translation>
    </message>
    <message>
      <source>Transferred as a suspected crime on</source>
      <translation>移送涉嫌犯罪日期</translation>
    </message>
    <message>
      <source>Police accepted (crime) on</source>
      <translation>公安机关立案日期（犯罪）</translation>
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
      <source>Pick…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>left empty: it will be {number}</source>
      <translation>留空则自动编号为 {number}</translation>
    </message>
    <message>
      <source>Form number</source>
      <translation>表号</translation>
    </message>
    <message>
      <source>Issued by</source>
      <translation>制表机关（制定机关）</translation>
    </message>
    <message>
      <source>Approved by</source>
      <translation>批准机关（备案机关）</translation>
    </message>
    <message>
      <source>Approval number</source>
      <translation>批准文号</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Compiling office</source>
      <translation>综合机关名称</translation>
    </message>
    <message>
      <source>Head of the unit</source>
      <translation>单位负责人</translation>
    </message>
    <message>
      <source>Head of statistics</source>
      <translation>统计负责人</translation>
    </message>
    <message>
      <source>Filled in by</source>
      <translation>填表人</translation>
    </message>
    <message>
      <source>Telephone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Form marks are set by the province: type them as printed on its form, never invent them. The sign-off is the bureau's, for every form. Blank marks print as a line to fill in by hand.</source>
      <translation>表号、制表机关、批准机关、批准文号、有效期至由省厅规定，请照其下发的表式填写，不要自拟；单位负责人、统计负责人、填表人、联系电话为本局所有报表共用。未填的项目在报表上印为横线，可手工填写。</translation>
    </message>
    <message>
      <source>blank: printed as ＿＿＿＿＿＿</source>
      <translation>不填则印为＿＿＿＿＿＿</translation>
    </message>
    <message>
      <source>Marks of {form}</source>
      <translation>报表标识：{form}</translation>
    </message>
    <message>
      <source>Changed by someone else</source>
      <translation>记录已被他人修改</translation>
    </message>
    <message>
      <source>Reload the saved record</source>
      <translation>重新载入已保存的内容</translation>
    </message>
    <message>
      <source>Apply mine again</source>
      <translation>仍用我的内容覆盖</translation>
    </message>
    <message>
      <source>Back to the form</source>
      <translation>返回表单</translation>
    </message>
    <message>
      <source>Reload shows the saved record (what you typed is dropped); Apply mine again writes your values over it.</source>
      <translation>“重新载入”显示已保存的内容（您刚输入的内容将丢弃）；“仍用我的内容覆盖”会用您的内容覆盖已保存的内容。</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>When you opened it</source>
      <translation>您打开时</translation>
    </message>
    <message>
      <source>Saved since</source>
      <translation>此后保存为</translation>
    </message>
    <message>
      <source>Yours now</source>
      <translation>您现在填写的</translation>
    </message>
    <message>
      <source>{who} saved this record at {at}, after you opened it. Nothing of yours was saved yet.</source>
      <translation>您打开此记录后，{who} 于 {at} 保存了修改。您的修改尚未保存。</translation>
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
      <source>Operator</source>
      <translation>操作人</translation>
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
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>{size} KB</source>
      <translation>{size} KB</translation>
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
      <source>Before</source>
      <translation>整改前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>整改后</translation>
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
      <source>A ledger with one problem per row: Excel (.xlsx, .xls), .ods, CSV, or a web system's export saved as .xls.</source>
      <translation>整改台账，每行一个问题：Excel（.xlsx、.xls）、.ods、CSV，或网页系统导出的 .xls。</translation>
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
      <source>Check again</source>
      <translation>重新检查</translation>
    </message>
    <message>
      <source>Read the file again (after correcting it) and check every row</source>
      <translation>重新读取文件（改正之后）并逐行检查</translation>
    </message>
    <message>
      <source>Words the lists do not know: choose what each is, or add it to the list. The bureau's choices are remembered.</source>
      <translation>代码表中没有的词：请为每个词选择对应项，或加入代码表。本局的选择会记住，下次导入沿用。</translation>
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
      <source>Every sheet (one batch each)</source>
      <translation>全部工作表（每表一个批次）</translation>
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
      <source>List</source>
      <translation>代码表</translation>
    </message>
    <message>
      <source>Word in the file</source>
      <translation>表中的词</translation>
    </message>
    <message>
      <source>Cells</source>
      <translation>所在单元格</translation>
    </message>
    <message>
      <source>Import as</source>
      <translation>导入为</translation>
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
      <source>All files</source>
      <translation>所有文件</translation>
    </message>
    <message>
      <source>{name} ({rows} rows)</source>
      <translation>{name}（{rows} 行）</translation>
    </message>
    <message>
      <source>Columns: {list}</source>
      <translation>列：{list}</translation>
    </message>
    <message>
      <source>Tables</source>
      <translation>表格文件</translation>
    </message>
    <message>
      <source>as “{label}” (not mapped)</source>
      <translation>按“{label}”（未对照）</translation>
    </message>
    <message>
      <source>{sheet}, hidden</source>
      <translation>{sheet}，隐藏</translation>
    </message>
    <message>
      <source>{count}: {cells}</source>
      <translation>{count} 处：{cells}</translation>
    </message>
    <message>
      <source>add “{word}” to the list</source>
      <translation>将“{word}”加入代码表</translation>
    </message>
    <message>
      <source>The import will add {added}, update {updated} and leave {unchanged} unchanged.</source>
      <translation>导入将新增 {added}，更新 {updated}，未变 {unchanged}。</translation>
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
      <source>Stage</source>
      <translation>办理环节</translation>
    </message>
    <message>
      <source>Penalty case numbers</source>
      <translation>处罚案件</translation>
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
      <source>Inspection officers</source>
      <translation>检查人员</translation>
    </message>
    <message>
      <source>Case stage</source>
      <translation>办理环节</translation>
    </message>
    <message>
      <source>Problem punished</source>
      <translation>所处罚问题</translation>
    </message>
    <message>
      <source>Acceptance</source>
      <translation>验收记录</translation>
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
      <source>&amp;Ledger</source>
      <translation>台账(&amp;L)</translation>
    </message>
    <message>
      <source>Settings…</source>
      <translation>设置…</translation>
    </message>
    <message>
      <source>Code lists and units…</source>
      <translation>代码表与单位…</translation>
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
      <source>Read only: nothing can be saved in this ledger.</source>
      <translation>只读：此台账中的任何内容都无法保存。</translation>
    </message>
    <message>
      <source>Grey: withdrawn</source>
      <translation>灰色：已撤销</translation>
    </message>
    <message>
      <source>Red: overdue, open and past the deadline in force</source>
      <translation>红色：逾期（未销号且已过现行整改时限）</translation>
    </message>
    <message>
      <source>Awaiting decision</source>
      <translation>待审批/待核销</translation>
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
      <source>Random inspections</source>
      <translation>双随机</translation>
    </message>
    <message>
      <source>Penalty clocks</source>
      <translation>处罚期限</translation>
    </message>
    <message>
      <source>Nothing has been recorded here yet.</source>
      <translation>这里还没有任何记录。</translation>
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
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <source>Show every row again</source>
      <translation>重新显示全部记录</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>New record (Ctrl+N)</source>
      <translation>新建记录（Ctrl+N）</translation>
    </message>
    <message>
      <source>Saved {what}; the new row is selected.</source>
      <translation>已保存“{what}”，新记录已选中。</translation>
    </message>
    <message>
      <source>Saved {what}. The filters set hide the new row: Clear filters shows it.</source>
      <translation>已保存“{what}”。当前筛选条件下不显示新记录，点“清除筛选”即可看到。</translation>
    </message>
    <message>
      <source>Overdue only</source>
      <translation>仅看逾期</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>No row matches the filters set; Clear filters shows every row.</source>
      <translation>没有符合当前筛选条件的记录，点“清除筛选”显示全部。</translation>
    </message>
    <message>
      <source>{count} row(s)</source>
      <translation>共 {count} 条</translation>
    </message>
    <message>
      <source>Not a date: “{text}”. Type it as 2024-08-05.</source>
      <translation>“{text}”不是日期，请写成 2024-08-05 或 2024年8月5日。</translation>
    </message>
    <message>
      <source>No campaigns yet. A campaign groups the batches of supervision letters and their problems: start one with New record.</source>
      <translation>还没有专项行动。专项行动汇总各批次交办函及其问题，点“新建记录”开始。</translation>
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
      <source>Remove what this partner brought in…</source>
      <translation>删除该单位导入的记录…</translation>
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
      <source>exchange.key</source>
      <translation>交换密钥.key</translation>
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
      <source>New exchange partner</source>
      <translation>新的交换单位</translation>
    </message>
    <message>
      <source>Remove what this partner brought in</source>
      <translation>删除该单位导入的记录</translation>
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
      <source>Choose a partner first.</source>
      <translation>请先选择一个交换单位。</translation>
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
      <source>Jurisdiction: {jurisdiction}</source>
      <translation>辖区：{jurisdiction}</translation>
    </message>
    <message>
      <source>Site id {id}</source>
      <translation>站点编号 {id}</translation>
    </message>
    <message>
      <source>Key file chosen: {path}</source>
      <translation>已选择密钥文件：{path}</translation>
    </message>
    <message>
      <source>New key file written to {path}: copy it to the other PCs and choose it there.</source>
      <translation>已新建密钥文件 {path}：请复制到其他电脑，并在那里选择它。</translation>
    </message>
    <message>
      <source>This is the first file from “{name}”. It says its jurisdiction is {jurisdiction}: it may change the rows of that area in this ledger, and rows outside this ledger's own jurisdiction are refused.

Confirm this partner and import the file?</source>
      <translation>这是来自“{name}”的第一个文件，文件注明其辖区为 {jurisdiction}：它可以修改本台账中该区域的记录，超出本台账辖区的记录一律拒绝。

确认该交换单位并导入此文件吗？</translation>
    </message>
    <message>
      <source>Delete every record this ledger took from the files of “{name}”? Those that records made here still refer to are kept. The change history keeps what was deleted.</source>
      <translation>删除本台账从“{name}”的文件中导入的全部记录吗？仍被本机记录引用的将保留。修改历史会保留被删除的内容。</translation>
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
      <source>due today</source>
      <translation>今日到期</translation>
    </message>
    <message>
      <source>{n} days left</source>
      <translation>剩余 {n} 日</translation>
    </message>
    <message>
      <source>Date (today when blank)</source>
      <translation>日期（不填为今天）</translation>
    </message>
    <message>
      <source>{n} days overdue</source>
      <translation>逾期 {n} 日</translation>
    </message>
    <message>
      <source>Clock</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <source>Due on</source>
      <translation>届满日</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>起算日</translation>
    </message>
    <message>
      <source>Clocks</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>Procedure</source>
      <translation>办理经过</translation>
    </message>
    <message>
      <source>Record stage</source>
      <translation>记录环节</translation>
    </message>
    <message>
      <source>Order to correct served</source>
      <translation>送达责令改正决定书</translation>
    </message>
    <message>
      <source>Recheck: still discharging</source>
      <translation>复查：仍在排放</translation>
    </message>
    <message>
      <source>Recheck: corrected</source>
      <translation>复查：已改正</translation>
    </message>
    <message>
      <source>Seizure from this date</source>
      <translation>自该日查封扣押</translation>
    </message>
    <message>
      <source>Release the seizure</source>
      <translation>解除查封扣押</translation>
    </message>
    <message>
      <source>Extend the seizure (30 days)</source>
      <translation>延长查封扣押（30 日）</translation>
    </message>
    <message>
      <source>Extend the decision period (30 days)</source>
      <translation>延长办案期限（30 日）</translation>
    </message>
    <message>
      <source>Select a penalty case to see its clocks and procedure.</source>
      <translation>选择一个处罚案件，查看其期限和办理经过。</translation>
    </message>
    <message>
      <source>{stage} · opened {opened} · decided {decided} · fine {fine} yuan</source>
      <translation>{stage} · 立案 {opened} · 决定 {decided} · 罚款 {fine} 元</translation>
    </message>
    <message>
      <source> (accrued {amount} yuan)</source>
      <translation>（已加处 {amount} 元）</translation>
    </message>
    <message>
      <source>Daily continuous penalty: {days} days, {amount} yuan</source>
      <translation>按日连续处罚：计罚 {days} 日，{amount} 元</translation>
    </message>
    <message>
      <source>Punishes problem {number}: {text}</source>
      <translation>所处罚问题 {number}：{text}</translation>
    </message>
    <message>
      <source>Found by the inspection of {day}</source>
      <translation>发现于 {day} 的现场检查</translation>
    </message>
    <message>
      <source>New penalty case…</source>
      <translation>新建处罚案件…</translation>
    </message>
    <message>
      <source>Overdue: {n}</source>
      <translation>已逾期：{n} 项</translation>
    </message>
    <message>
      <source>Due this week: {n}</source>
      <translation>本周到期：{n} 项</translation>
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
      <source>Accepted by {who}: {opinion}</source>
      <translation>验收人 {who}：{opinion}</translation>
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
      <source>Whether the photos attached next show the site before or after the rectification</source>
      <translation>接下来添加的照片拍的是整改前还是整改后的现场</translation>
    </message>
    <message>
      <source>History…</source>
      <translation>修改记录…</translation>
    </message>
    <message>
      <source>Still to do (due dates, not events)</source>
      <translation>待完成（到期日期，尚未发生）</translation>
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
      <source>Deadline of the problem</source>
      <translation>问题整改时限</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>整改过程</translation>
    </message>
    <message>
      <source>Photos taken</source>
      <translation>照片拍摄于</translation>
    </message>
    <message>
      <source>Select a problem to see its timeline.</source>
      <translation>选择一个问题以查看整改过程。</translation>
    </message>
    <message>
      <source>{status} · assigned {assigned} · deadline {deadline}
{text}</source>
      <translation>{status} · {assigned} 交办 · 时限 {deadline}
{text}</translation>
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
      <source>Before rectification</source>
      <translation>整改前</translation>
    </message>
    <message>
      <source>After rectification</source>
      <translation>整改后</translation>
    </message>
    <message>
      <source>{in_force} (extended; originally {original})</source>
      <translation>{in_force}（已延期，原时限 {original}）</translation>
    </message>
    <message>
      <source>no due date</source>
      <translation>无期限</translation>
    </message>
    <message>
      <source>Extension to {day} ({state}): {reason}</source>
      <translation>延期至 {day}（{state}）：{reason}</translation>
    </message>
    <message>
      <source>Closed {day} · {acceptance}</source>
      <translation>{day} 销号 · {acceptance}</translation>
    </message>
    <message>
      <source>Penalty cases: {cases}</source>
      <translation>处罚案件：{cases}</translation>
    </message>
    <message>
      <source>overdue since {day}</source>
      <translation>{day} 起逾期</translation>
    </message>
    <message>
      <source>→ {status}</source>
      <translation>→ {status}</translation>
    </message>
    <message>
      <source>Measure {seq} done: {text}</source>
      <translation>措施 {seq} 完成：{text}</translation>
    </message>
    <message>
      <source>Measure {seq}: {text} — {progress}%</source>
      <translation>整改措施{seq}：{text} — {progress}%</translation>
    </message>
    <message>
      <source>Complaint number {number}</source>
      <translation>受理编号 {number}</translation>
    </message>
    <message>
      <source>due {day}</source>
      <translation>{day} 到期</translation>
    </message>
    <message>
      <source>No problems in this ledger yet. Record the first one with New record, or import the rectification ledger your bureau keeps in Excel.</source>
      <translation>台账里还没有问题。点“新建记录”录入第一条，或导入本局用 Excel 记的整改台账。</translation>
    </message>
    <message>
      <source>red: overdue (open, past the deadline in force)</source>
      <translation>红色：逾期（未销号且已过现行整改时限）</translation>
    </message>
    <message>
      <source>grey: withdrawn</source>
      <translation>灰色：已撤销</translation>
    </message>
    <message>
      <source>New supervision class</source>
      <translation>新增监管类别</translation>
    </message>
    <message>
      <source>Key-monitored enterprises fall here unless their class is set</source>
      <translation>未单独设定类别的重点排污单位归入此类</translation>
    </message>
    <message>
      <source>Every other enterprise falls here unless its class is set</source>
      <translation>其余未单独设定类别的企业归入此类</translation>
    </message>
    <message>
      <source>New inspection item</source>
      <translation>新增抽查事项</translation>
    </message>
    <message>
      <source>Legal basis</source>
      <translation>抽查依据</translation>
    </message>
    <message>
      <source>e.g. today's lottery number</source>
      <translation>如当日福利彩票开奖号码</translation>
    </message>
    <message>
      <source>Witness</source>
      <translation>见证人</translation>
    </message>
    <message>
      <source>Public value</source>
      <translation>公开随机值</translation>
    </message>
    <message>
      <source>New officer</source>
      <translation>新增执法人员</translation>
    </message>
    <message>
      <source>None ticked: every item of the plan applies.</source>
      <translation>都不勾选：计划中的全部抽查事项均适用。</translation>
    </message>
    <message>
      <source>Redraw</source>
      <translation>重新抽取</translation>
    </message>
    <message>
      <source>Draw</source>
      <translation>抽取</translation>
    </message>
    <message>
      <source>Reason for the redraw</source>
      <translation>重新抽取的理由</translation>
    </message>
    <message>
      <source>Certificate</source>
      <translation>执法证号</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>所在单位</translation>
    </message>
    <message>
      <source>Items that apply to {name}</source>
      <translation>{name}适用的抽查事项</translation>
    </message>
    <message>
      <source>The first draw is kept in the ledger.</source>
      <translation>原抽取结果保留在台账中。</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>抽查计划</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>抽查期间</translation>
    </message>
    <message>
      <source>Shares</source>
      <translation>抽取比例</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>审批人</translation>
    </message>
    <message>
      <source>Tasks done</source>
      <translation>已检查/任务数</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>监管类别</translation>
    </message>
    <message>
      <source>Items that apply</source>
      <translation>适用抽查事项</translation>
    </message>
    <message>
      <source>In the directory</source>
      <translation>名录库在库</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>在岗</translation>
    </message>
    <message>
      <source>Declared conflicts</source>
      <translation>申报回避</translation>
    </message>
    <message>
      <source>Drawn this year</source>
      <translation>本年已抽取</translation>
    </message>
    <message>
      <source>Inspected</source>
      <translation>已检查</translation>
    </message>
    <message>
      <source>Coverage (%)</source>
      <translation>抽查覆盖率（%）</translation>
    </message>
    <message>
      <source>Notice</source>
      <translation>公开内容</translation>
    </message>
    <message>
      <source>Publish by</source>
      <translation>公开期限</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>公开日期</translation>
    </message>
    <message>
      <source>(calendar not yet published)</source>
      <translation>（该年节假日安排未发布）</translation>
    </message>
    <message>
      <source>Plans and draws</source>
      <translation>计划与抽取</translation>
    </message>
    <message>
      <source>Directories</source>
      <translation>名录库</translation>
    </message>
    <message>
      <source>Coverage and publication</source>
      <translation>覆盖与公开</translation>
    </message>
    <message>
      <source>New plan…</source>
      <translation>新建计划…</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>审批</translation>
    </message>
    <message>
      <source>Draw…</source>
      <translation>抽取…</translation>
    </message>
    <message>
      <source>Verify the draw</source>
      <translation>核验抽取结果</translation>
    </message>
    <message>
      <source>Export the notice…</source>
      <translation>导出公示表…</translation>
    </message>
    <message>
      <source>Record the inspection…</source>
      <translation>登记检查结果…</translation>
    </message>
    <message>
      <source>Set class</source>
      <translation>设为该类别</translation>
    </message>
    <message>
      <source>In / out of the directory</source>
      <translation>入库/出库</translation>
    </message>
    <message>
      <source>Items that apply…</source>
      <translation>适用事项…</translation>
    </message>
    <message>
      <source>New class…</source>
      <translation>新增监管类别…</translation>
    </message>
    <message>
      <source>New item…</source>
      <translation>新增抽查事项…</translation>
    </message>
    <message>
      <source>Import enterprises…</source>
      <translation>导入监管对象…</translation>
    </message>
    <message>
      <source>New officer…</source>
      <translation>新增执法人员…</translation>
    </message>
    <message>
      <source>Active / inactive</source>
      <translation>在岗/离岗</translation>
    </message>
    <message>
      <source>Declare a conflict…</source>
      <translation>申报回避…</translation>
    </message>
    <message>
      <source>Import officers…</source>
      <translation>导入执法人员…</translation>
    </message>
    <message>
      <source>Mark as published today</source>
      <translation>登记今日已公开</translation>
    </message>
    <message>
      <source>Drawn and sealed in the audit trail.</source>
      <translation>已抽取，结果已封存于审计记录。</translation>
    </message>
    <message>
      <source>Declare a conflict</source>
      <translation>申报回避</translation>
    </message>
    <message>
      <source>overdue, not published</source>
      <translation>逾期未公开</translation>
    </message>
    <message>
      <source>not published</source>
      <translation>未公开</translation>
    </message>
    <message>
      <source>Notices of the draws in force (deadline in working days on the official calendar)</source>
      <translation>各次抽取的公示（期限按法定工作日计算）</translation>
    </message>
    <message>
      <source>{year}: drawn of the directory by class — {coverage}. Notices not yet published: {waiting}, of them overdue: {late}.</source>
      <translation>{year}年各类别已抽取/名录库：{coverage}。未公开的公示{waiting}项，其中逾期{late}项。</translation>
    </message>
    <message>
      <source>Redraw…</source>
      <translation>重新抽取…</translation>
    </message>
    <message>
      <source>Plan approved.</source>
      <translation>抽查计划已审批。</translation>
    </message>
    <message>
      <source>The draw checks out: every task follows from the recorded inputs.</source>
      <translation>核验一致：每项任务均可由记录的抽取依据重新推算得出。</translation>
    </message>
    <message>
      <source>Export the notice</source>
      <translation>导出公示表</translation>
    </message>
    <message>
      <source>Class saved.</source>
      <translation>监管类别已保存。</translation>
    </message>
    <message>
      <source>Item saved.</source>
      <translation>抽查事项已保存。</translation>
    </message>
    <message>
      <source>Officer saved.</source>
      <translation>执法人员已保存。</translation>
    </message>
    <message>
      <source>Conflict recorded.</source>
      <translation>回避申报已登记。</translation>
    </message>
    <message>
      <source>Publication recorded.</source>
      <translation>公开日期已登记。</translation>
    </message>
    <message>
      <source>{count} units</source>
      <translation>{count}家</translation>
    </message>
    <message>
      <source>not approved</source>
      <translation>待审批</translation>
    </message>
    <message>
      <source>not drawn</source>
      <translation>未抽取</translation>
    </message>
    <message>
      <source>Coverage per class in {year}</source>
      <translation>{year}年各监管类别抽查覆盖情况</translation>
    </message>
    <message>
      <source>Not drawn yet.</source>
      <translation>尚未抽取。</translation>
    </message>
    <message>
      <source>Waiting for a manager's approval.</source>
      <translation>待科室负责人审批。</translation>
    </message>
    <message>
      <source>Drawn on {day} · witness {witness}, public value {value} · seed {seed}…</source>
      <translation>抽取日期 {day} · 见证人 {witness}，公开值 {value} · 随机种子 {seed}…</translation>
    </message>
    <message>
      <source>Written to {path}</source>
      <translation>已写入 {path}</translation>
    </message>
    <message>
      <source>{name} declares a conflict of interest with the enterprise (name or credit code):</source>
      <translation>{name}申报回避的企业（名称或统一社会信用代码）：</translation>
    </message>
    <message>
      <source>Imported {name}.</source>
      <translation>已导入{name}。</translation>
    </message>
    <message>
      <source>{plan} notice</source>
      <translation>{plan}公示</translation>
    </message>
    <message>
      <source>No enterprises yet. Add one with New record, or import a ledger from Excel: its enterprises come with it.</source>
      <translation>还没有企业。点“新建记录”添加，或从 Excel 导入台账，其中的企业会一并导入。</translation>
    </message>
    <message>
      <source>No inspections yet. Record one with New record; the problems it finds can be entered in the same form.</source>
      <translation>还没有检查记录。点“新建记录”录入，检查发现的问题可在同一表单中填写。</translation>
    </message>
    <message>
      <source>No penalty cases yet. Record a case with New record.</source>
      <translation>还没有处罚案件。点“新建记录”录入案件。</translation>
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
      <source>Submit…</source>
      <translation>报送…</translation>
    </message>
    <message>
      <source>Export the ledger…</source>
      <translation>导出台账…</translation>
    </message>
    <message>
      <source>Marks…</source>
      <translation>报表标识…</translation>
    </message>
    <message>
      <source>Add a form…</source>
      <translation>添加报表模板…</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <source>Submitted returns</source>
      <translation>报送记录</translation>
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
      <source>Submit the return</source>
      <translation>报送报表</translation>
    </message>
    <message>
      <source>Correction note</source>
      <translation>更正说明</translation>
    </message>
    <message>
      <source>Add a return form</source>
      <translation>添加报表模板</translation>
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
      <source>These marks are blank and print as a line to fill in by hand: {marks}. Submit anyway?</source>
      <translation>以下报表标识尚未填写，将印为横线待手工填写：{marks}。仍要报送吗？</translation>
    </message>
    <message>
      <source>This period was submitted on {when} by {who}. What does this submission correct? The note is printed in the file.</source>
      <translation>该统计期的报表已于 {when} 由 {who} 报送。本次报送更正了什么？更正说明将印在报表上。</translation>
    </message>
    <message>
      <source>Submitted and recorded: {path}</source>
      <translation>已报送并记入报送记录：{path}</translation>
    </message>
    <message>
      <source>Submitted at</source>
      <translation>报送时间</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>By</source>
      <translation>报送人</translation>
    </message>
    <message>
      <source>SHA-256</source>
      <translation>文件 SHA-256</translation>
    </message>
    <message>
      <source>Changed since</source>
      <translation>报送后变动</translation>
    </message>
    <message>
      <source>Cell</source>
      <translation>单元格</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>报送值</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>现值</translation>
    </message>
    <message>
      <source>Lock this period</source>
      <translation>锁定该统计期</translation>
    </message>
    <message>
      <source>Unlock…</source>
      <translation>解锁…</translation>
    </message>
    <message>
      <source>Unlock the period</source>
      <translation>解锁统计期</translation>
    </message>
    <message>
      <source>Why is the period unlocked?</source>
      <translation>解锁理由：</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>未变动</translation>
    </message>
    <message>
      <source>No period is locked.</source>
      <translation>没有锁定的统计期。</translation>
    </message>
    <message>
      <source>{count} cell(s)</source>
      <translation>{count} 处</translation>
    </message>
    <message>
      <source>Locked through {day}: writes dated on or before it are refused.</source>
      <translation>已锁定至 {day}：该日及以前日期的写入一律拒绝。</translation>
    </message>
    <message>
      <source>Select a row to decide beside it; double-click opens the problem on the Problems page.</source>
      <translation>选中一行，在右侧审批或核销；双击在“问题”页打开该问题。</translation>
    </message>
    <message>
      <source>Reported done on</source>
      <translation>报完成日期</translation>
    </message>
    <message>
      <source>Extension requests awaiting approval: {n}</source>
      <translation>待审批的延期申请：{n} 项</translation>
    </message>
    <message>
      <source>Reported done, awaiting verification: {n}</source>
      <translation>已报完成、待核销：{n} 项</translation>
    </message>
    <message>
      <source>Problem {number}, from the queue awaiting decision</source>
      <translation>问题 {number}（来自待审批/待核销）</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>{region}: county code, {year}: year assigned, {seq:06d}: the next number, six digits</source>
      <translation>{region}：区县代码，{year}：交办年份，{seq:06d}：顺序号（六位）</translation>
    </message>
    <message>
      <source>How many automatic backups (daily and on close) are kept in the backup folder; older ones are deleted.</source>
      <translation>备份文件夹中保留多少份自动备份（每日首次启动和关闭时各一份），更早的将被删除。</translation>
    </message>
    <message>
      <source>Reporting unit</source>
      <translation>填报单位</translation>
    </message>
    <message>
      <source>Automatic backups kept</source>
      <translation>自动备份保留份数</translation>
    </message>
    <message>
      <source>Problem numbers</source>
      <translation>问题编号规则</translation>
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
