<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EcoLedger</name>
    <message>
      <source>Password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Password again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Accounts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add account…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Disable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change role…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reset password…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Accounts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manage accounts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Create accounts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Switch user…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sign out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Login</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The administrator adds the clerks and managers, and is the only one who may change the bureau's settings or restore a backup. Each change is recorded under the account that made it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Role</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>State</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>active</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>disabled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change role</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{login} is now a {role}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No accounts: whoever uses this PC acts as administrator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Create the administrator account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{login} may sign in again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{login} can no longer sign in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New password for {login}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Role of {login}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Signed in: {who}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New password set for {login}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>EcoLedger backup (*.zip)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>EcoLedger backup (*.zip);;Older backup (*.db)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Made {when} by {who}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An older backup of the database alone: it holds no attached files.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Backup</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Back up the database…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restore the database…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Back up the database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restore the database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The ledger was restored from the backup.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>EcoLedger</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>unknown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It holds {problems} problems, {enterprises} enterprises and {files} attached files.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The ledger as it is now is backed up first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} attached files were already missing when it was made.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Backup written to {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The closing backup failed: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Replace everything in the ledger with the backup {file}?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In use</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Code lists and units…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Development zone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>City department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Township</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>optional; made when left empty, e.g. x3f9c0a</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>words separated by 、 e.g. 土壤、耕地</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Synonyms</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add as new entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save label and synonyms</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move down</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retire</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New (clear the fields)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Merge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Merge into it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{label}” is offered again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{label}” is retired: rows that carry it keep it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>optional; e.g. 141000Z01 when left empty</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unit kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Belongs to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add as new unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Units are rows of their own in figures and returns, after the counties, in this order. A township counts on its county's row in the city's figures.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{name}” is offered again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{name}” is retired: rows that carry it keep it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Code lists and units</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem categories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem sources</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Units beyond counties</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Merged into {code}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move every problem of the selected entry to:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bring back</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select an entry first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a unit first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem count</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Added “{label}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved “{label}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Moved “{label}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move all {count} problems of “{label}” to “{into}” and retire “{label}”? Each move is kept in the audit trail.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{label}” merged into “{into}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Added “{name}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved “{name}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Moved “{name}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{year}/{month}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Month {month}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rectification progress (cumulative)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zero-clearance rate by county</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deadline pressure by county</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems by category and by source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penalty cases and special measures per month</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fines per month (10,000 yuan)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{month}/{day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{scope}{what}: {count} problem(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems (count)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>assigned by {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>closed by {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zero-clearance rate (%)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>At or above target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Below target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Due in 10 days or less</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Due in 11–20 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Due in more than 20 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open problems (count)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems by category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems by source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All cases</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily continuous fines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Seizure and detention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Production restricted or stopped</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Transferred for detention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Transferred as crimes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed and banned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cases (count)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Month decided</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount (10,000 yuan)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Assigned (cumulative)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed (cumulative)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pace to zero by the end (序时进度)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not closed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Assigned (cumulative): {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed (cumulative): {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{county}: rate {rate}% ({closed} closed of {assigned} assigned)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>assigned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{year}/{month}/{day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pace needs: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target to date {rate}%</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Average {rate}%</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name}: {what} {n} of {assigned} assigned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{month}: {what} {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{month}: {what} {amount} (10,000 yuan), {n} case(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{county}: {what} {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clocks overdue: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>due this week: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{scope}{month} {what}: {count} case(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any campaign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any batch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All counties</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export dashboard…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export plot…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export plot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PNG image (*.png);;SVG drawing (*.svg)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export dashboard</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF document (*.pdf);;PNG image (*.png)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>As of</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems assigned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Awaiting acceptance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zero-clearance rate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fines (10,000 yuan)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not a date: the figures stay as they were.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reading the figures…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dashboard {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>As of {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Awaiting acceptance; {n} settled in stage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fines (10,000 yuan), {n} case(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{unit}: rectification as of {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Welcome to EcoLedger</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your name, recorded with every change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What you sign in with, e.g. wangxf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Load demo data (2,507 problems of a Shanxi campaign)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bureau's jurisdiction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Administrator's name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Set up the ledger of your bureau. You become its administrator: you add the clerks' and managers' accounts afterwards.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a region from the list.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>At least {n} characters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter the operator's name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter a login without spaces.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The password needs at least {n} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add after-photos…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>After-photos</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close after acceptance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Accepted on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verified by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verifying unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Acceptance opinion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close the problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closing {problem}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name or credit code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a date, 立行立改, 2024年6月底前, 长期坚持, 20个工作日…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Throw away what you typed in this form?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request a deadline extension</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New deadline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requested on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inspection sheet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New inspection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enterprise</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inspected on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Result</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Campaign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Add a problem found (Ctrl+Shift+P)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete inspection…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete inspection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete this inspection sheet? The change history keeps a record of it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(none)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem {number}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Description</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deadline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Officer {number}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems found on this sheet: {list}. Correct them on the Problems page; problems added below are added to them.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rectification measure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New rectification measure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Measure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Responsible</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Progress (%)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Done on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New plan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Officers from another county (cross-county inspection)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>25 = 25%, 3家 = a count</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inspection items</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name}: share</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Random inspection of a drawn task</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New batch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New enterprise</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Credit code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>County</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Industry code (GB/T 4754)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Discharge permit number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Key monitored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>left empty: numbered automatically</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Complaint number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Batch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Further categories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. 噪声、扬尘 (labels or synonyms)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Assigned on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Responsible unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Responsible person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penalty case</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New penalty case</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Case number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Opened on (立案)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Decided on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems punished (numbers, 、 between)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inspection that found it (date)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Violation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fine (yuan)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily continuous fines (yuan)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Transferred for detention on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Police accepted (detention) on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Transferred as a suspected crime on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Police accepted (crime) on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New campaign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Starts on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ends on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target rate (%)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Batch number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Issued on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Letter number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(the enterprise's)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Form number (表号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Issued by (制表机关)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approved by (批准机关)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approval number (批准文号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Valid until (有效期至)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reporting unit (综合机关名称)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Head of the unit (单位负责人)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Head of statistics (统计负责人)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Filled in by (填表人)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Telephone (联系电话)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Form marks are set by the province: type them as printed on its form, never invent them. The sign-off is the bureau's, for every form. Blank marks print as a line to fill in by hand.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>blank: printed as ＿＿＿＿＿＿</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Marks of {form}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changed by someone else</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reload the saved record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Apply mine again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Back to the form</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reload shows the saved record (what you typed is dropped); Apply mine again writes your values over it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When you opened it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved since</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yours now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{who} saved this record at {at}, after you opened it. Nothing of yours was saved yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>added</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>deleted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Operator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Old value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reading the history…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Progress log</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deadline extension</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attachment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inspection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Case stage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem punished</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Acceptance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>History — {record}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} change(s), oldest first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Column</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Header</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the workbook</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A ledger with one problem per row: Excel (.xlsx, .xls), .ods, CSV, or a web system's export saved as .xls.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Path of the Excel file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Browse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import an Excel ledger</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check the columns</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Each ledger field and the sheet column it is read from. Fields marked * are required.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No campaign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Header found in row {first}; data from row {data}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Header found in rows {first}–{last}; data from row {data}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check the rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Errors are red and must be corrected in the workbook; warnings are amber and do not stop the import.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Read the file again (after correcting it) and check every row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Words the lists do not know: choose what each is, or add it to the list. The bureau's choices are remembered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checking the rows…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stop the import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sheet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every sheet (one batch each)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ledger field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sheet column</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>First value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New batches belong to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(not imported)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>List</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Word in the file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cells</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import as</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{rows} row(s) read: {errors} error(s), {warnings} warning(s).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Correct the errors in the workbook, then check again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stopping…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import cancelled; nothing was written.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} ({rows} rows)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Columns: {list}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tables</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>as “{label}” (not mapped)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{sheet}, hidden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count}: {cells}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>add “{word}” to the list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The import will add {added}, update {updated} and leave {unchanged} unchanged.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Assigned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Industry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Permit number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Officers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Decided</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily fines (yuan)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Special measures</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Starts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ends</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Batches</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Issued</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penalty case numbers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restore</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Discard</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Ledger</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import an Excel ledger…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>EcoLedger — {unit}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Operator: {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} unsaved form(s) from last time can be restored.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Read only: nothing can be saved in this ledger.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enterprises</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inspections</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problems</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penalty cases</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Campaigns and batches</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Returns</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Data exchange</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Random inspections</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penalty clocks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overdue only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New batch…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Batches of the selected campaign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No shared key: files carry a checksum only. Choose the bureau's key file, or make one on the first PC and copy it to the others.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Theirs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partner site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rename</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove what this partner brought in…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>With attachment files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Carry the photos and documents of the exported records too (a larger file).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A file was lost on the way: send again everything since what this partner last confirmed having.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export exchange file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import exchange file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keep mine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Take theirs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose key file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New key file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Forget key file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only on the first PC: the others copy its key file and choose it here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Shared key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partners</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Conflicts to resolve</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All changes (any site)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Read it to the other bureau on the phone: the same fingerprint means the same key.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the shared key file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Key files (*.key);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New shared key file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Key files (*.key)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This ledger has no key file now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>all</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export exchange file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exchange files (*.ecox)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exporting the exchange file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import exchange file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing the exchange file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import cancelled; the ledger is unchanged.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New exchange partner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove what this partner brought in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jurisdiction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last export to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last import from</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The key in the environment variable {name} is in use; it wins over any key file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Key file: {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Site name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export for</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>exchange.key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a partner first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a conflict first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit the value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Site id {id}, jurisdiction {jurisdiction}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Key file chosen: {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New key file written to {path}: copy it to the other PCs and choose it there.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This is the first file from “{name}”. It says its jurisdiction is {jurisdiction}: it may change the rows of that area in this ledger, and rows outside this ledger's own jurisdiction are refused.

Confirm this partner and import the file?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete every record this ledger took from the files of “{name}”? Those that records made here still refer to are kept. The change history keeps what was deleted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Key file (not used while the variable is set): {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fingerprint: {fingerprint}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The file could not be read or written: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>due today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} days left</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date (today when blank)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} days overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clock</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Days left</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Due on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Started</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clocks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Procedure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Record stage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Order to correct served</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recheck: still discharging</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recheck: corrected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Seizure from this date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Release the seizure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Extend the seizure (30 days)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Extend the decision period (30 days)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a penalty case to see its clocks and procedure.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{stage} · opened {opened} · decided {decided} · fine {fine} yuan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> (accrued {amount} yuan)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily continuous penalty: {days} days, {amount} yuan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Punishes problem {number}: {text}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Found by the inspection of {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overdue: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Due this week: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>After</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Photos and files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>approved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Accepted by {who}: {opinion}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Progress note or reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attach photos or files…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>History…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attach photos or files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>refused</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>requested</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Timeline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a problem to see its timeline.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{status} · assigned {assigned} · deadline {deadline}
{text}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status: {status}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note: {note}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{in_force} (extended; originally {original})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Extension to {day} ({state}): {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Measure {seq}: {text} — {progress}%</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed {day} · {acceptance}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Penalty cases: {cases}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>→ {status}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Complaint number {number}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New supervision class</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Key-monitored enterprises fall here unless their class is set</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every other enterprise falls here unless its class is set</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New inspection item</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Legal basis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. today's lottery number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Witness</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Public value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New officer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>None ticked: every item of the plan applies.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Redraw</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Draw</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reason for the redraw</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Items that apply to {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The first draw is kept in the ledger.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Shares</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tasks done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Class</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Items that apply</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In the directory</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Active</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Declared conflicts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drawn this year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inspected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coverage (%)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notice</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Publish by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(calendar not yet published)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plans and draws</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Directories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coverage and publication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New plan…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approve</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Draw…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verify the draw</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export the notice…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Record the inspection…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Set class</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In / out of the directory</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Items that apply…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New class…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New item…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import enterprises…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New officer…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Active / inactive</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Declare a conflict…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import officers…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mark as published today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drawn and sealed in the audit trail.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Declare a conflict</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>overdue, not published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notices of the draws in force (deadline in working days on the official calendar)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{year}: drawn of the directory by class — {coverage}. Notices not yet published: {waiting}, of them overdue: {late}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Redraw…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan approved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The draw checks out: every task follows from the recorded inputs.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export the notice</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Class saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Item saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Officer saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Conflict recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Publication recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} units</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not approved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not drawn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coverage per class in {year}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not drawn yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for a manager's approval.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drawn on {day} · witness {witness}, public value {value} · seed {seed}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Written to {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} declares a conflict of interest with the enterprise (name or credit code):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Imported {name}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add measure… (Ctrl+M)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete measure…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request extension… (Ctrl+E)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refuse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete measure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refuse extension</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rectification measures</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>by {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>done {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete the measure “{measure}”? The change history keeps a record of it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refuse the request to extend the deadline to {day}? The deadline in force stays.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approve extension to {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Submit…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export the ledger…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Marks…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add a form…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Submitted (报送记录)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All campaigns</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rectification ledger</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Submit the return</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Correction note (更正说明)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add a return form</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exporting the return…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exporting the ledger…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Return</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The as-of date is not a date.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{rows} row(s) to export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>These marks are blank and print as a line to fill in by hand: {marks}. Submit anyway?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This period was submitted on {when} by {who}. What does this submission correct? The note is printed in the file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Submitted and recorded: {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Submitted at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Form</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>By</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SHA-256</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changed since</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cell</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Submitted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lock this period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unlock…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unlock the period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Why is the period unlocked?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>unchanged</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No period is locked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} cell(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Locked through {day}: writes dated on or before it are refused.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{region}: county code, {year}: year assigned, {seq:06d}: the next number, six digits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How many automatic backups (daily and on close) are kept in the backup folder; older ones are deleted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reporting unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Automatic backups kept</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem numbers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A new language shows after a restart.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sign in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remember me on this PC</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checking…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>YYYY-MM-DD</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Search names, descriptions, case numbers…</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
