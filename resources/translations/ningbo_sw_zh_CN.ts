<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/club_dialogs.py" line="+164"/>
        <source>Add a member to %1</source>
        <translation>为 %1 添加成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Existing client</source>
        <translation>已登记的服务对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New client</source>
        <translation>新服务对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, pinyin initials, ID number or its last digits, phone</source>
        <translation>姓名、拼音首字母、身份证号码或后几位、电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resident ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined on</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Search for the client and select them in the list.</source>
        <translation>请搜索服务对象并在列表中选中。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/app.py" line="+101"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/attendance_grid.py" line="+274"/>
        <source>Choose an activity on the left to take attendance</source>
        <translation>请在左侧选择一个活动进行签到</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everyone else present</source>
        <translation>其余全部到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys: 1 or P present, 2 or A absent, 3 or E excused; the cursor then moves down. Shift/Ctrl+click to select several and use the buttons; double-click steps a mark.</source>
        <translation>按键：1 或 P 为到，2 或 A 为缺，3 或 E 为请假，之后光标自动下移。按住 Shift/Ctrl 点击可选中多人后用按钮标记；双击可切换标记。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Present %1 · Absent %2 · Excused %3 · Not marked %4 · %5 in all</source>
        <translation>到 %1 · 缺 %2 · 请假 %3 · 未标记 %4 · 共 %5 人</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location line="-230"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Guest</source>
        <translation>非成员</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/actions.py" line="+67"/>
        <source>Case closed</source>
        <translation>个案已结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case %1 is closed; no visits can be added.</source>
        <translation>个案 %1 已结案，不能再添加走访记录。</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/case_detail.py" line="+127"/>
        <source>Case %1</source>
        <translation>个案 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gender / age</source>
        <translation>性别 / 年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Referral source</source>
        <translation>转介来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake date</source>
        <translation>接案日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case status</source>
        <translation>个案状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 years</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Case facts</source>
        <translation>个案信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem, goals and plan</source>
        <translation>主要问题、服务目标与服务计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits, newest first (%1)</source>
        <translation>走访记录，最新在前（%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Presenting problem</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service goals</source>
        <translation>服务目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service plan</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log visit (Ctrl+L)</source>
        <translation>记录走访（Ctrl+L）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print (Ctrl+P)</source>
        <translation>打印（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Printing will be available in a later version</source>
        <translation>打印功能将在后续版本提供</translation>
    </message>
</context>
<context>
    <name>CaseEditDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/case_edit_dialog.py" line="+65"/>
        <source>Edit case %1</source>
        <translation>编辑个案 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Presenting problem</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral source</source>
        <translation>转介来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Program</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service goals</source>
        <translation>服务目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service plan</source>
        <translation>服务计划</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/cases_page.py" line="+78"/>
        <source>Search: name, pinyin initials (zs for 张三), last digits of the ID number, phone or case number  (Ctrl+F)</source>
        <translation>搜索：姓名、拼音首字母（如 zs 查张三）、身份证号后几位、电话或个案编号（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>个案状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Worker</source>
        <translation>社工</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 个个案</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/case_edit_dialog.py" line="+61"/>
        <source>Close case %1</source>
        <translation>个案 %1 结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing reason *</source>
        <translation>结案原因 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closing date</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
</context>
<context>
    <name>ClubFormDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/club_dialogs.py" line="-97"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ClubsPage</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/clubs_page.py" line="+48"/>
        <source> (community-wide)</source>
        <translation>（全社区）</translation>
    </message>
    <message>
        <location line="+250"/>
        <source>Select a current member in the roster first.</source>
        <translation>请先在花名册中选择一名在册成员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+66"/>
        <source>Leave club</source>
        <translation>退出俱乐部</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>%1 leaves %2 today. The membership stays in the club&apos;s history.</source>
        <translation>%1 今天退出%2。入会记录仍保留在俱乐部历史中。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Follow-up visit logged for %1.</source>
        <translation>已为 %1 记录回访。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exported %1 members to %2</source>
        <translation>已将 %1 名成员导出到 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rosters (*.xlsx *.csv)</source>
        <translation>花名册 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Roster imported: %1 added, %2 updated.</source>
        <translation>花名册已导入：新增 %1 人，更新 %2 人。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Club</source>
        <translation>俱乐部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New club…</source>
        <translation>新建俱乐部…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activities and attendance</source>
        <translation>活动与签到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Absentee follow-up</source>
        <translation>缺勤回访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export roster…</source>
        <translation>导出花名册…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show members who left</source>
        <translation>显示已退出的成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New activity…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members who missed each of the last</source>
        <translation>连续缺席最近</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activities (excused absences do not count)</source>
        <translation>次活动的成员（请假不计）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a follow-up visit of the selected member now</source>
        <translation>立即为所选成员记录回访</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No club yet: found one with “New club…”.</source>
        <translation>还没有俱乐部：请用“新建俱乐部…”创建。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location line="+1"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>共 %n 名成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n member(s) to follow up</source>
        <translation>
            <numerusform>%n 名成员待回访</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/case_detail.py" line="-147"/>
        <location filename="../../src/ningbo_sw_desktop/ui/paged_model.py" line="+136"/>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="+62"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ningbo_sw_desktop/ui/paged_model.py" line="+1"/>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="+1"/>
        <source>Visit kind</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ningbo_sw_desktop/ui/paged_model.py" line="-29"/>
        <location line="+32"/>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-8"/>
        <location line="+10"/>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ningbo_sw_desktop/ui/paged_model.py" line="+1"/>
        <source>Minutes</source>
        <translation>时长(分)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ningbo_sw_desktop/ui/paged_model.py" line="+1"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/ningbo_sw_desktop/ui/paged_model.py" line="+1"/>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="+1"/>
        <source>Notes</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/clubs_page.py" line="-295"/>
        <location line="+53"/>
        <location filename="../../src/ningbo_sw_desktop/ui/duplicates_dialog.py" line="+27"/>
        <location filename="../../src/ningbo_sw_desktop/ui/roster_import_dialog.py" line="+62"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-52"/>
        <location filename="../../src/ningbo_sw_desktop/ui/duplicates_dialog.py" line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Joined on</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left on</source>
        <translation>退出日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Last came</source>
        <translation>最近出勤</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/duplicates_dialog.py" line="+1"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/clubs_page.py" line="-52"/>
        <location line="+50"/>
        <location filename="../../src/ningbo_sw_desktop/ui/duplicates_dialog.py" line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/duplicates_dialog.py" line="+1"/>
        <location filename="../../src/ningbo_sw_desktop/ui/paged_model.py" line="-40"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it may be the same person</source>
        <translation>可能重复的原因</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/paged_model.py" line="-2"/>
        <location line="+37"/>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-14"/>
        <location line="+5"/>
        <location line="+7"/>
        <source>Case number</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+37"/>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-12"/>
        <location line="+5"/>
        <location line="+7"/>
        <source>Client</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <location line="-35"/>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-5"/>
        <source>Service domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>个案状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake date</source>
        <translation>接案日期</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/clubs_page.py" line="+3"/>
        <location filename="../../src/ningbo_sw_desktop/ui/paged_model.py" line="+2"/>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="+1"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-7"/>
        <location line="+5"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Follow-up date</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>跟进状态</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/roster_import_dialog.py" line="+0"/>
        <source>Sheet row</source>
        <translation>表格行号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import result</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/widgets.py" line="+19"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not chosen)</source>
        <translation>（请选择）</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/drafts_ui.py" line="+61"/>
        <source>The app stopped last time while %n form(s) were not saved. Reopen them with what was typed?</source>
        <translation>
            <numerusform>上次程序意外退出时，有 %n 份表单尚未保存。是否恢复并打开已填写的内容？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore unsaved forms</source>
        <translation>恢复未保存的表单</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/duplicates_dialog.py" line="+26"/>
        <source>Possible duplicate client</source>
        <translation>可能重复的服务对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This client may already be registered. Open the case for the existing client, or register a new client if it is a different person.</source>
        <translation>该服务对象可能已经登记过。可为已有的服务对象开案；如果确实是另一个人，请新建服务对象。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the selected client</source>
        <translation>使用所选服务对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register a new client</source>
        <translation>仍新建服务对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the form</source>
        <translation>返回修改</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/first_run.py" line="+42"/>
        <source>Set up this office</source>
        <translation>设置办公点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome. Before the first case, give this office its code and name. The code starts every case number (e.g. HS-NM-2026-0001) and cannot change once cases exist.</source>
        <translation>欢迎使用。开始第一个个案之前，请填写本办公点的代码和名称。代码是每个个案编号的开头（如 HS-NM-2026-0001），有个案后不能再更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Office code</source>
        <translation>办公点代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Office name</source>
        <translation>办公点名称</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/forms.py" line="+182"/>
        <source>Discard what you typed?</source>
        <translation>放弃已填写的内容？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed in this form will be lost.</source>
        <translation>本表单中已填写的内容将会丢失。</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/intake_dialog.py" line="+119"/>
        <source>New case (intake)</source>
        <translation>个案接案登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>个案信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resident ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Community *</source>
        <translation>社区 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relief status</source>
        <translation>救助类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service domain *</source>
        <translation>服务领域 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk level *</source>
        <translation>风险等级 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presenting problem *</source>
        <translation>主要问题 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Referral source</source>
        <translation>转介来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake date</source>
        <translation>接案日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service goals</source>
        <translation>服务目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service plan</source>
        <translation>服务计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 1948-05-10; may stay blank when the ID number is given</source>
        <translation>如 1948-05-10；已填身份证号码时可不填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled from the ID number when left blank</source>
        <translation>不填时由身份证号码自动带出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>* required</source>
        <translation>* 为必填项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/main_window.py" line="+161"/>
        <source>Select a case in the list first, then press Ctrl+L.</source>
        <translation>请先在列表中选择一个个案，再按 Ctrl+L。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a case in the list first, then press Ctrl+P.</source>
        <translation>请先在列表中选择一个个案，再按 Ctrl+P。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ningbo Social Work Desktop</source>
        <translation>宁波社工工作台</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New case</source>
        <translation>新建个案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register a client and open a case (Ctrl+N)</source>
        <translation>登记服务对象并开案（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a visit for the selected case (Ctrl+L)</source>
        <translation>为所选个案记录走访（Ctrl+L）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search cases (Ctrl+F)</source>
        <translation>搜索个案（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the page again (F5)</source>
        <translation>重新读取本页（F5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the selected case (Ctrl+P)</source>
        <translation>打印所选个案（Ctrl+P）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Worker: %1</source>
        <translation>社工：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No current worker (see Settings)</source>
        <translation>未选择当前社工（请在“设置”中选择）</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/cases_page.py" line="-101"/>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/clubs_page.py" line="-100"/>
        <location filename="../../src/ningbo_sw_desktop/ui/placeholders.py" line="+47"/>
        <source>Clubs</source>
        <translation>俱乐部</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/placeholders.py" line="+11"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../src/ningbo_sw_desktop/ui/reports_page.py" line="+201"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/settings_page.py" line="+24"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-11"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/visits_page.py" line="+22"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
</context>
<context>
    <name>NewActivityDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/club_dialogs.py" line="+143"/>
        <source>New activity of %1</source>
        <translation>%1 新建活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title *</source>
        <translation>活动名称 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activity kind *</source>
        <translation>活动类型 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open to the whole community (%1)</source>
        <translation>面向全社区开放（%1）</translation>
    </message>
</context>
<context>
    <name>NewClubDialog</name>
    <message>
        <location line="-126"/>
        <source>New club</source>
        <translation>新建俱乐部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Club name *</source>
        <translation>俱乐部名称 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Community *</source>
        <translation>社区 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/ops.py" line="+139"/>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong and it was not saved. What you typed is still in the form; please try again, and tell your office admin if it happens again.</source>
        <translation>出现意外错误，内容未能保存。已填写的内容仍在表单中，请再试一次；如果再次出现，请告知办公点管理员。</translation>
    </message>
</context>
<context>
    <name>Placeholders</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/placeholders.py" line="-19"/>
        <source>Elderly clubs, rosters and activity attendance are coming in a later version of the app.</source>
        <translation>老年俱乐部、花名册和活动签到功能将在后续版本提供。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exchanging sync bundles with other offices and the supervisor is coming in a later version of the app.</source>
        <translation>与其他办公点和督导交换同步包的功能将在后续版本提供。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Statistics and printed reports are coming in a later version of the app.</source>
        <translation>统计报表与打印功能将在后续版本提供。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/printing.py" line="+103"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location line="+135"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/reports_page.py" line="+4"/>
        <source>Statistics report</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year</source>
        <translation>上年</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview statistics…</source>
        <translation>预览统计报表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clubs</source>
        <translation>俱乐部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Club</source>
        <translation>俱乐部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview roster…</source>
        <translation>预览花名册…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview sign-in sheet…</source>
        <translation>预览签到表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case summaries</source>
        <translation>个案摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case status</source>
        <translation>个案状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview case summaries…</source>
        <translation>预览个案摘要…</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n case(s) match</source>
        <translation>
            <numerusform>符合条件的个案 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/roster_import_dialog.py" line="-29"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location line="+69"/>
        <source>Import roster into %1</source>
        <translation>导入花名册到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import the good rows only; skip the rows with problems</source>
        <translation>只导入无问题的行，跳过有问题的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading %1 ...</source>
        <translation>正在读取 %1 …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 to add, %3 to update, %4 unchanged, %5 with problems. Nothing has been written yet.</source>
        <translation>%1：新增 %2 行，更新 %3 行，无变化 %4 行，有问题 %5 行。尚未写入任何内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fix the rows with problems in the sheet and import again, or import the good rows only.</source>
        <translation>请在表格中改正有问题的行后重新导入，或只导入无问题的行。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/settings_page.py" line="+38"/>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office (read only)</source>
        <translation>办公点信息（只读）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current social worker</source>
        <translation>当前社工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New cases and visit logs are filled in with this worker.</source>
        <translation>新建个案和走访记录时默认填写此社工。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office code</source>
        <translation>办公点代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Office name</source>
        <translation>办公点名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Device id</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-12"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Today, %1</source>
        <translation>今日&#x3000;%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups due today and overdue (%1)</source>
        <translation>今日及逾期待跟进（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open cases by risk level</source>
        <translation>进行中个案（按风险等级）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent visits</source>
        <translation>最近走访记录</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/visit_dialog.py" line="+100"/>
        <source>Log a visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time *</source>
        <translation>走访时间 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit kind *</source>
        <translation>走访方式 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes *</source>
        <translation>记录内容 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>服务成效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan a follow-up on</source>
        <translation>安排跟进，日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/visits_page.py" line="+37"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit kind</source>
        <translation>走访方式</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>共 %n 条走访记录</numerusform>
        </translation>
    </message>
</context>
</TS>
