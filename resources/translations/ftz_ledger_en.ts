<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About FTZ Ledger</source>
        <translation>About FTZ Ledger</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Records of the Sichuan–Chongqing free-trade collaboration: meetings, cases, projects and alliances, kept offline, with Excel reports.</source>
        <translation>Records of the Sichuan–Chongqing free-trade collaboration: meetings, cases, projects and alliances, kept offline, with Excel reports.</translation>
    </message>
</context>
<context>
    <name>AlliancesTab</name>
    <message>
        <source>Alliances</source>
        <translation>Alliances</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <source>Edit member…</source>
        <translation>Edit member…</translation>
    </message>
    <message>
        <source>Member leaves…</source>
        <translation>Member leaves…</translation>
    </message>
    <message>
        <source>Hand over chair…</source>
        <translation>Hand over chair…</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1 (since %2)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>No members yet.</source>
        <translation>No members yet.</translation>
    </message>
    <message>
        <source>Chair terms</source>
        <translation>Chair terms</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>(current)</translation>
    </message>
    <message>
        <source>No chair yet.</source>
        <translation>No chair yet.</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Automatic backup</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source>Finishing the automatic backup…</source>
        <translation>Finishing the automatic backup…</translation>
    </message>
    <message>
        <source>The automatic backup was cancelled.</source>
        <translation>The automatic backup was cancelled.</translation>
    </message>
    <message>
        <source>Automatic backup made: %1</source>
        <translation>Automatic backup made: %1</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>The automatic backup failed: %1</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>Add lead unit</source>
        <translation>Add lead unit</translation>
    </message>
    <message>
        <source>Add participating unit</source>
        <translation>Add participating unit</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>batch %1</translation>
    </message>
    <message>
        <source>Not yet showcased at a meeting.</source>
        <translation>Not yet showcased at a meeting.</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <source>Filter…</source>
        <translation>Filter…</translation>
    </message>
</context>
<context>
    <name>ConnectServerDialog</name>
    <message>
        <source>Connect to server</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <source>Work on the office&apos;s shared records on a PostgreSQL server. An empty database is set up on first use.</source>
        <translation>Work on the office&apos;s shared records on a PostgreSQL server. An empty database is set up on first use.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
</context>
<context>
    <name>CopyToServerDialog</name>
    <message>
        <source>Copy records to server</source>
        <translation>Copy records to server</translation>
    </message>
    <message>
        <source>Copies every record of %1, with its history, into a database on a PostgreSQL server. The server database must be empty; if it is not, nothing is changed.</source>
        <translation>Copies every record of %1, with its history, into a database on a PostgreSQL server. The server database must be empty; if it is not, nothing is changed.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
</context>
<context>
    <name>DataMenus</name>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>&amp;Connect to server…</source>
        <translation>&amp;Connect to server…</translation>
    </message>
    <message>
        <source>Copy records to &amp;server…</source>
        <translation>Copy records to &amp;server…</translation>
    </message>
    <message>
        <source>Recycle &amp;bin…</source>
        <translation>Recycle &amp;bin…</translation>
    </message>
    <message>
        <source>Copy records to server</source>
        <translation>Copy records to server</translation>
    </message>
    <message>
        <source>Open the server&apos;s records now?</source>
        <translation>Open the server&apos;s records now?</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Type a date (20241212, 2024-12-12, 2024年12月12日) or press F4 for the calendar</source>
        <translation>Type a date (20241212, 2024-12-12, 2024年12月12日) or press F4 for the calendar</translation>
    </message>
    <message>
        <source>Calendar (F4)</source>
        <translation>Calendar (F4)</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>This ledger has no records yet</source>
        <translation>This ledger has no records yet</translation>
    </message>
    <message>
        <source>Start by entering the meeting you attended, or load the sample records from the December 2024 Sichuan–Chongqing meeting in Yongchuan to see how everything fits.</source>
        <translation>Start by entering the meeting you attended, or load the sample records from the December 2024 Sichuan–Chongqing meeting in Yongchuan to see how everything fits.</translation>
    </message>
    <message>
        <source>Load sample records</source>
        <translation>Load sample records</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>New meeting</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search (Ctrl+F)…</source>
        <translation>Search (Ctrl+F)…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over chair</source>
        <translation>Hand over chair</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>(no chair yet)</source>
        <translation>(no chair yet)</translation>
    </message>
    <message>
        <source>New chair</source>
        <translation>New chair</translation>
    </message>
    <message>
        <source>Handover date</source>
        <translation>Handover date</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>&amp;Recent databases</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>&amp;Next tab</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>&amp;Previous tab</translation>
    </message>
    <message>
        <source>Refresh &amp;all tabs</source>
        <translation>Refresh &amp;all tabs</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Reference data…</source>
        <translation>&amp;Reference data…</translation>
    </message>
    <message>
        <source>&amp;Units…</source>
        <translation>&amp;Units…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About FTZ Ledger</source>
        <translation>&amp;About FTZ Ledger</translation>
    </message>
    <message>
        <source>(open a tab first)</source>
        <translation>(open a tab first)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Ledger files (*.sqlite3 *.sqlite *.db)</source>
        <translation>Ledger files (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation>Counting records…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample records</source>
        <translation>Sample records</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export is not available yet.</source>
        <translation>Export is not available yet.</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Written: %1</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Add host</source>
        <translation>Add host</translation>
    </message>
    <message>
        <source>Add leader</source>
        <translation>Add leader</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>Add agenda item</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>New project signed here…</source>
        <translation>New project signed here…</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>None recorded.</translation>
    </message>
    <message>
        <source>%1 projects, %2 万元 in total</source>
        <translation>%1 projects, %2 万元 in total</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>MemberLeavesDialog</name>
    <message>
        <source>Member leaves</source>
        <translation>Member leaves</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge units</source>
        <translation>Merge units</translation>
    </message>
    <message>
        <source>Merge the duplicate “%1” into the unit kept below. Every record that names the duplicate will name the kept unit instead.</source>
        <translation>Merge the duplicate “%1” into the unit kept below. Every record that names the duplicate will name the kept unit instead.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Unit to keep:</source>
        <translation>Unit to keep:</translation>
    </message>
    <message>
        <source>Choose another existing unit to keep.</source>
        <translation>Choose another existing unit to keep.</translation>
    </message>
    <message>
        <source>Merge “%1” into “%2”? This cannot be undone from here.</source>
        <translation>Merge “%1” into “%2”? This cannot be undone from here.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Contracted investment by industry field (万元)</source>
        <translation>Contracted investment by industry field (万元)</translation>
    </message>
    <message>
        <source>Projects by stage</source>
        <translation>Projects by stage</translation>
    </message>
    <message>
        <source>Projects signed per month</source>
        <translation>Projects signed per month</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Cases by recognition level</source>
        <translation>Cases by recognition level</translation>
    </message>
    <message>
        <source>Funds arrived against contracted (万元)</source>
        <translation>Funds arrived against contracted (万元)</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Needs follow-up</translation>
    </message>
    <message>
        <source>Projects by stage (count · contracted 万元)</source>
        <translation>Projects by stage (count · contracted 万元)</translation>
    </message>
    <message>
        <source>Red and amber projects (double-click to open)</source>
        <translation>Red and amber projects (double-click to open)</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>No entry since</source>
        <translation>No entry since</translation>
    </message>
    <message>
        <source>Overview as of %1</source>
        <translation>Overview as of %1</translation>
    </message>
    <message>
        <source>The figures could not be counted: %1</source>
        <translation>The figures could not be counted: %1</translation>
    </message>
    <message>
        <source>Meetings in %1</source>
        <translation>Meetings in %1</translation>
    </message>
    <message>
        <source>Red: %1 projects</source>
        <translation>Red: %1 projects</translation>
    </message>
    <message>
        <source>Amber: %1 projects</source>
        <translation>Amber: %1 projects</translation>
    </message>
    <message>
        <source>%1 of %2 arrived (%3%)</source>
        <translation>%1 of %2 arrived (%3%)</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Amber</translation>
    </message>
</context>
<context>
    <name>ProgressForm</name>
    <message>
        <source>Reason for termination</source>
        <translation>Reason for termination</translation>
    </message>
    <message>
        <source>Terminating a project is final: say why in the reason above.</source>
        <translation>Terminating a project is final: say why in the reason above.</translation>
    </message>
    <message>
        <source>The stage only moves forward; a later entry may terminate the project.</source>
        <translation>The stage only moves forward; a later entry may terminate the project.</translation>
    </message>
    <message>
        <source>A terminated project needs the reason for termination.</source>
        <translation>A terminated project needs the reason for termination.</translation>
    </message>
</context>
<context>
    <name>ProgressLogDialog</name>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>This project no longer exists.</source>
        <translation>This project no longer exists.</translation>
    </message>
    <message>
        <source>Progress log of %1 — stage now: %2</source>
        <translation>Progress log of %1 — stage now: %2</translation>
    </message>
    <message>
        <source>Progress log — %1</source>
        <translation>Progress log — %1</translation>
    </message>
    <message>
        <source>Delete the progress entry of %1 (“%2”)? The stage follows the entries left.</source>
        <translation>Delete the progress entry of %1 (“%2”)? The stage follows the entries left.</translation>
    </message>
</context>
<context>
    <name>ProgressReportDialog</name>
    <message>
        <source>Per project: the stage at the start and end of the month, the entries during it and the problems needing coordination.</source>
        <translation>Per project: the stage at the start and end of the month, the entries during it and the problems needing coordination.</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save the monthly progress report</source>
        <translation>Save the monthly progress report</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Written: %1</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>This investor already has a project like this: %1. A project counts once, for the first event where it was signed; an expansion is entered as its own project of type expansion with only the added amount.</source>
        <translation>This investor already has a project like this: %1. A project counts once, for the first event where it was signed; an expansion is entered as its own project of type expansion with only the added amount.</translation>
    </message>
    <message>
        <source>Expansion: enter only the added investment, not the total.</source>
        <translation>Expansion: enter only the added investment, not the total.</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <source>Projects</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>Needs follow-up:</source>
        <translation>Needs follow-up:</translation>
    </message>
    <message>
        <source>Red or amber</source>
        <translation>Red or amber</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Amber</translation>
    </message>
    <message>
        <source>Add progress…</source>
        <translation>Add progress…</translation>
    </message>
    <message>
        <source>Progress log…</source>
        <translation>Progress log…</translation>
    </message>
    <message>
        <source>See, edit and delete the project&apos;s progress entries</source>
        <translation>See, edit and delete the project&apos;s progress entries</translation>
    </message>
    <message>
        <source>Red: no progress entry for %1 months or more.</source>
        <translation>Red: no progress entry for %1 months or more.</translation>
    </message>
    <message>
        <source>Amber: no progress entry for %1 months or more.</source>
        <translation>Amber: no progress entry for %1 months or more.</translation>
    </message>
    <message>
        <source>Progress log</source>
        <translation>Progress log</translation>
    </message>
    <message>
        <source>No progress recorded yet.</source>
        <translation>No progress recorded yet.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>New %1</source>
        <translation>New %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>Fields marked * are required.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>This record no longer exists.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Please correct the marked fields.</translation>
    </message>
    <message>
        <source>Your text is kept; saving again will overwrite the other change.</source>
        <translation>Your text is kept; saving again will overwrite the other change.</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Loading records</source>
        <translation>Loading records</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Move the %1 “%2” to the recycle bin?</source>
        <translation>Move the %1 “%2” to the recycle bin?</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Loading records…</source>
        <translation>Loading records…</translation>
    </message>
</context>
<context>
    <name>ReferenceDataDialog</name>
    <message>
        <source>Reference data</source>
        <translation>Reference data</translation>
    </message>
</context>
<context>
    <name>ReferenceForm</name>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove “%1” from the list? Records that use it keep it.</source>
        <translation>Remove “%1” from the list? Records that use it keep it.</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>(type a new server below)</source>
        <translation>(type a new server below)</translation>
    </message>
    <message>
        <source>Keep the password until the program closes</source>
        <translation>Keep the password until the program closes</translation>
    </message>
    <message>
        <source>It is held in memory only, never written to disk.</source>
        <translation>It is held in memory only, never written to disk.</translation>
    </message>
    <message>
        <source>Recent servers:</source>
        <translation>Recent servers:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Host is required.</source>
        <translation>Host is required.</translation>
    </message>
    <message>
        <source>Database is required.</source>
        <translation>Database is required.</translation>
    </message>
    <message>
        <source>User is required.</source>
        <translation>User is required.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source> months</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Project follow-up</source>
        <translation>Project follow-up</translation>
    </message>
    <message>
        <source>Amber after, without a progress entry:</source>
        <translation>Amber after, without a progress entry:</translation>
    </message>
    <message>
        <source>Red after, without a progress entry:</source>
        <translation>Red after, without a progress entry:</translation>
    </message>
    <message>
        <source>A project with no entry counts from its signing date; terminated projects and those at target output are never flagged. Shared by everyone using this ledger.</source>
        <translation>A project with no entry counts from its signing date; terminated projects and those at target output are never flagged. Shared by everyone using this ledger.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Window language:</source>
        <translation>Window language:</translation>
    </message>
    <message>
        <source>A new language applies when the program starts again.</source>
        <translation>A new language applies when the program starts again.</translation>
    </message>
    <message>
        <source>Red must come at or after amber: %1 months is less than %2.</source>
        <translation>Red must come at or after amber: %1 months is less than %2.</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>Type a unit&apos;s name or short name</source>
        <translation>Type a unit&apos;s name or short name</translation>
    </message>
    <message>
        <source>Add a new unit with this name</source>
        <translation>Add a new unit with this name</translation>
    </message>
    <message>
        <source>Add a new unit</source>
        <translation>Add a new unit</translation>
    </message>
    <message>
        <source>No unit is named “%1”: press + to add it.</source>
        <translation>No unit is named “%1”: press + to add it.</translation>
    </message>
</context>
<context>
    <name>UnitsDirectory</name>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Merge into…</translation>
    </message>
</context>
<context>
    <name>ask</name>
    <message>
        <source>Changed elsewhere</source>
        <translation>Changed elsewhere</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Keep my text</source>
        <translation>Keep my text</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>This form has changes that are not saved. Close it and lose them?</source>
        <translation>This form has changes that are not saved. Close it and lose them?</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>FTZ Ledger</source>
        <translation>FTZ Ledger</translation>
    </message>
</context>
</TS>
