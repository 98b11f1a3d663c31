<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About FTZ Ledger</source>
        <translation>关于自贸协同台账</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Records of the Sichuan–Chongqing free-trade collaboration: meetings, cases, projects and alliances, kept offline, with Excel reports.</source>
        <translation>川渝自贸试验区协同开放工作台账：记录会议活动、协同创新案例、重点项目和联盟，离线保存，可导出 Excel 报表。</translation>
    </message>
</context>
<context>
    <name>AlliancesTab</name>
    <message>
        <source>Alliances</source>
        <translation>联盟</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <source>Edit member…</source>
        <translation>编辑成员…</translation>
    </message>
    <message>
        <source>Member leaves…</source>
        <translation>成员退出…</translation>
    </message>
    <message>
        <source>Hand over chair…</source>
        <translation>轮值主席交接…</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>编辑成员</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>成员：</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1（%2 至 %3）</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1（%2 起）</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>No members yet.</source>
        <translation>暂无成员。</translation>
    </message>
    <message>
        <source>Chair terms</source>
        <translation>主席任期</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>（至今）</translation>
    </message>
    <message>
        <source>No chair yet.</source>
        <translation>暂无主席。</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Automatic backup</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Finishing the automatic backup…</source>
        <translation>正在完成自动备份…</translation>
    </message>
    <message>
        <source>The automatic backup was cancelled.</source>
        <translation>已取消自动备份。</translation>
    </message>
    <message>
        <source>Automatic backup made: %1</source>
        <translation>已自动备份：%1</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>Add lead unit</source>
        <translation>添加牵头单位</translation>
    </message>
    <message>
        <source>Add participating unit</source>
        <translation>添加参与单位</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <source>Cases</source>
        <translation>协同创新案例</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>第 %1 批</translation>
    </message>
    <message>
        <source>Not yet showcased at a meeting.</source>
        <translation>尚未在会议活动上发布。</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
</context>
<context>
    <name>ConnectServerDialog</name>
    <message>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Work on the office&apos;s shared records on a PostgreSQL server. An empty database is set up on first use.</source>
        <translation>使用 PostgreSQL 服务器上的共享台账。首次使用时会自动初始化空数据库。</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
</context>
<context>
    <name>CopyToServerDialog</name>
    <message>
        <source>Copy records to server</source>
        <translation>复制记录到服务器</translation>
    </message>
    <message>
        <source>Copies every record of %1, with its history, into a database on a PostgreSQL server. The server database must be empty; if it is not, nothing is changed.</source>
        <translation>将 %1 中的全部记录及其修改历史复制到 PostgreSQL 服务器上的数据库。服务器数据库必须为空；如不为空，则不作任何更改。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DataMenus</name>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Connect to server…</source>
        <translation>连接服务器(&amp;C)…</translation>
    </message>
    <message>
        <source>Copy records to &amp;server…</source>
        <translation>复制记录到服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Recycle &amp;bin…</source>
        <translation>回收站(&amp;B)…</translation>
    </message>
    <message>
        <source>Copy records to server</source>
        <translation>复制记录到服务器</translation>
    </message>
    <message>
        <source>Open the server&apos;s records now?</source>
        <translation>现在打开服务器上的台账吗？</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Type a date (20241212, 2024-12-12, 2024年12月12日) or press F4 for the calendar</source>
        <translation>输入日期（20241212、2024-12-12、2024年12月12日），或按 F4 打开日历</translation>
    </message>
    <message>
        <source>Calendar (F4)</source>
        <translation>日历（F4）</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>This ledger has no records yet</source>
        <translation>本台账尚无记录</translation>
    </message>
    <message>
        <source>Start by entering the meeting you attended, or load the sample records from the December 2024 Sichuan–Chongqing meeting in Yongchuan to see how everything fits.</source>
        <translation>可以先录入您参加的会议活动，也可以载入 2024 年 12 月川渝永川会议的示例数据，了解各项记录如何关联。</translation>
    </message>
    <message>
        <source>Load sample records</source>
        <translation>载入示例数据</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>新建会议活动</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search (Ctrl+F)…</source>
        <translation>搜索（Ctrl+F）…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over chair</source>
        <translation>轮值主席交接</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>(no chair yet)</source>
        <translation>（暂无主席）</translation>
    </message>
    <message>
        <source>New chair</source>
        <translation>新任主席</translation>
    </message>
    <message>
        <source>Handover date</source>
        <translation>交接日期</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>下一个标签页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>上一个标签页(&amp;P)</translation>
    </message>
    <message>
        <source>Refresh &amp;all tabs</source>
        <translation>刷新全部标签页(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reference data…</source>
        <translation>基础数据(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Units…</source>
        <translation>单位名录(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About FTZ Ledger</source>
        <translation>关于自贸协同台账(&amp;A)</translation>
    </message>
    <message>
        <source>(open a tab first)</source>
        <translation>（请先打开一个标签页）</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Ledger files (*.sqlite3 *.sqlite *.db)</source>
        <translation>台账文件 (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation>正在统计记录…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>共 %Ln 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample records</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export is not available yet.</source>
        <translation>导出功能暂不可用。</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已导出：%1</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Add host</source>
        <translation>添加主办单位</translation>
    </message>
    <message>
        <source>Add leader</source>
        <translation>添加出席领导</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>添加议程</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Meetings</source>
        <translation>会议活动</translation>
    </message>
    <message>
        <source>New project signed here…</source>
        <translation>新建在此签约的项目…</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>%1 projects, %2 万元 in total</source>
        <translation>共 %1 个项目，合计 %2 万元</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>MemberLeavesDialog</name>
    <message>
        <source>Member leaves</source>
        <translation>成员退出</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge units</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <source>Merge the duplicate “%1” into the unit kept below. Every record that names the duplicate will name the kept unit instead.</source>
        <translation>将重复的“%1”合并到下方保留的单位。所有引用该重复单位的记录将改为引用保留的单位。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Unit to keep:</source>
        <translation>保留的单位：</translation>
    </message>
    <message>
        <source>Choose another existing unit to keep.</source>
        <translation>请选择另一个已有单位作为保留单位。</translation>
    </message>
    <message>
        <source>Merge “%1” into “%2”? This cannot be undone from here.</source>
        <translation>确定将“%1”合并到“%2”？此操作在这里无法撤销。</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Contracted investment by industry field (万元)</source>
        <translation>各产业领域签约金额（万元）</translation>
    </message>
    <message>
        <source>Projects by stage</source>
        <translation>各推进阶段项目数</translation>
    </message>
    <message>
        <source>Projects signed per month</source>
        <translation>每月签约项目数</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议活动</translation>
    </message>
    <message>
        <source>Cases by recognition level</source>
        <translation>案例（按认定层级）</translation>
    </message>
    <message>
        <source>Funds arrived against contracted (万元)</source>
        <translation>资金到位情况（万元）</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>需跟进</translation>
    </message>
    <message>
        <source>Projects by stage (count · contracted 万元)</source>
        <translation>项目推进阶段（个数 · 签约金额 万元）</translation>
    </message>
    <message>
        <source>Red and amber projects (double-click to open)</source>
        <translation>红色和黄色预警项目（双击打开）</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>No entry since</source>
        <translation>最近进展日期</translation>
    </message>
    <message>
        <source>Overview as of %1</source>
        <translation>总览（截至 %1）</translation>
    </message>
    <message>
        <source>The figures could not be counted: %1</source>
        <translation>无法统计数据：%1</translation>
    </message>
    <message>
        <source>Meetings in %1</source>
        <translation>%1 年会议活动</translation>
    </message>
    <message>
        <source>Red: %1 projects</source>
        <translation>红色预警：%1 个项目</translation>
    </message>
    <message>
        <source>Amber: %1 projects</source>
        <translation>黄色预警：%1 个项目</translation>
    </message>
    <message>
        <source>%1 of %2 arrived (%3%)</source>
        <translation>签约 %2，已到位 %1（%3%）</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>黄色</translation>
    </message>
</context>
<context>
    <name>ProgressForm</name>
    <message>
        <source>Reason for termination</source>
        <translation>终止原因</translation>
    </message>
    <message>
        <source>Terminating a project is final: say why in the reason above.</source>
        <translation>项目终止后不可恢复，请在上方填写终止原因。</translation>
    </message>
    <message>
        <source>The stage only moves forward; a later entry may terminate the project.</source>
        <translation>推进阶段只能向前；之后的进展可将项目标记为终止。</translation>
    </message>
    <message>
        <source>A terminated project needs the reason for termination.</source>
        <translation>终止的项目须填写终止原因。</translation>
    </message>
</context>
<context>
    <name>ProgressLogDialog</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This project no longer exists.</source>
        <translation>该项目已不存在。</translation>
    </message>
    <message>
        <source>Progress log of %1 — stage now: %2</source>
        <translation>%1 的进展记录 — 当前阶段：%2</translation>
    </message>
    <message>
        <source>Progress log — %1</source>
        <translation>进展记录 — %1</translation>
    </message>
    <message>
        <source>Delete the progress entry of %1 (“%2”)? The stage follows the entries left.</source>
        <translation>确定删除 %1 的进展记录（“%2”）？项目阶段将按剩余的进展记录确定。</translation>
    </message>
</context>
<context>
    <name>ProgressReportDialog</name>
    <message>
        <source>Per project: the stage at the start and end of the month, the entries during it and the problems needing coordination.</source>
        <translation>逐个项目列出月初和月末所处阶段、当月进展情况以及需协调解决的问题。</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save the monthly progress report</source>
        <translation>保存月度进展报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已导出：%1</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>This investor already has a project like this: %1. A project counts once, for the first event where it was signed; an expansion is entered as its own project of type expansion with only the added amount.</source>
        <translation>该投资方已有类似项目：%1。同一项目只统计一次，计入首次签约的活动；增资扩产请另行录入为“增资扩产”类型的项目，只填写新增金额。</translation>
    </message>
    <message>
        <source>Expansion: enter only the added investment, not the total.</source>
        <translation>增资扩产：只填写新增投资额，不填总额。</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <source>Projects</source>
        <translation>重点项目</translation>
    </message>
    <message>
        <source>Needs follow-up:</source>
        <translation>需跟进：</translation>
    </message>
    <message>
        <source>Red or amber</source>
        <translation>红色或黄色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Add progress…</source>
        <translation>添加进展…</translation>
    </message>
    <message>
        <source>Progress log…</source>
        <translation>进展记录…</translation>
    </message>
    <message>
        <source>See, edit and delete the project&apos;s progress entries</source>
        <translation>查看、修改和删除项目的进展记录</translation>
    </message>
    <message>
        <source>Red: no progress entry for %1 months or more.</source>
        <translation>红色预警：%1 个月及以上无进展记录。</translation>
    </message>
    <message>
        <source>Amber: no progress entry for %1 months or more.</source>
        <translation>黄色预警：%1 个月及以上无进展记录。</translation>
    </message>
    <message>
        <source>Progress log</source>
        <translation>进展记录</translation>
    </message>
    <message>
        <source>No progress recorded yet.</source>
        <translation>暂无进展记录。</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>标 * 的为必填项。</translation>
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
        <source>This record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的字段。</translation>
    </message>
    <message>
        <source>Your text is kept; saving again will overwrite the other change.</source>
        <translation>您填写的内容已保留；再次保存将覆盖他人的修改。</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Loading records</source>
        <translation>读取记录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Move the %1 “%2” to the recycle bin?</source>
        <translation>确定将%1“%2”移入回收站？</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Loading records…</source>
        <translation>正在读取记录…</translation>
    </message>
</context>
<context>
    <name>ReferenceDataDialog</name>
    <message>
        <source>Reference data</source>
        <translation>基础数据</translation>
    </message>
</context>
<context>
    <name>ReferenceForm</name>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove “%1” from the list? Records that use it keep it.</source>
        <translation>确定从列表中移除“%1”？已使用该项的记录不受影响。</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>(type a new server below)</source>
        <translation>（在下方输入新的服务器）</translation>
    </message>
    <message>
        <source>Keep the password until the program closes</source>
        <translation>在程序关闭前记住密码</translation>
    </message>
    <message>
        <source>It is held in memory only, never written to disk.</source>
        <translation>密码仅保存在内存中，不会写入磁盘。</translation>
    </message>
    <message>
        <source>Recent servers:</source>
        <translation>最近使用的服务器：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Host is required.</source>
        <translation>主机为必填项。</translation>
    </message>
    <message>
        <source>Database is required.</source>
        <translation>数据库为必填项。</translation>
    </message>
    <message>
        <source>User is required.</source>
        <translation>用户名为必填项。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
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
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Project follow-up</source>
        <translation>项目跟进</translation>
    </message>
    <message>
        <source>Amber after, without a progress entry:</source>
        <translation>黄色预警：无进展记录超过</translation>
    </message>
    <message>
        <source>Red after, without a progress entry:</source>
        <translation>红色预警：无进展记录超过</translation>
    </message>
    <message>
        <source>A project with no entry counts from its signing date; terminated projects and those at target output are never flagged. Shared by everyone using this ledger.</source>
        <translation>没有进展记录的项目从签约日期起算；已终止和已达产的项目不作标记。此设置对使用本台账的所有人生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Window language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>A new language applies when the program starts again.</source>
        <translation>更改语言后需重新启动程序才能生效。</translation>
    </message>
    <message>
        <source>Red must come at or after amber: %1 months is less than %2.</source>
        <translation>标红时限不能短于标黄时限：%1 个月少于 %2 个月。</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>Type a unit&apos;s name or short name</source>
        <translation>输入单位全称或简称</translation>
    </message>
    <message>
        <source>Add a new unit with this name</source>
        <translation>以此名称新增单位</translation>
    </message>
    <message>
        <source>Add a new unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>No unit is named “%1”: press + to add it.</source>
        <translation>没有名为“%1”的单位：按 + 新增。</translation>
    </message>
</context>
<context>
    <name>UnitsDirectory</name>
    <message>
        <source>Units</source>
        <translation>单位名录</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
</context>
<context>
    <name>ask</name>
    <message>
        <source>Changed elsewhere</source>
        <translation>记录已被他人修改</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Keep my text</source>
        <translation>保留我的内容</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>This form has changes that are not saved. Close it and lose them?</source>
        <translation>此表单有未保存的修改。确定关闭并放弃这些修改？</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>FTZ Ledger</source>
        <translation>自贸协同台账</translation>
    </message>
</context>
</TS>
