<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/about_dialog.py" line="+134"/>
        <source>configured</source>
        <translation>自行配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundled</source>
        <translation>随软件附带</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>system font</source>
        <translation>系统字体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>built-in, not embedded</source>
        <translation>内置字体，未嵌入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This application</source>
        <translation>本软件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese text on screen and in printed documents</source>
        <translation>屏幕和打印文档中的中文显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows, dialogs and printing</source>
        <translation>窗口、对话框和打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language the application is written in</source>
        <translation>编写本软件所用的语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case summaries, rosters, sign-in sheets and statistics as PDF</source>
        <translation>生成 PDF 格式的个案摘要、花名册、签到表和统计报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing and encrypting sync bundles</source>
        <translation>同步包的签名与加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing and exporting Excel/WPS rosters</source>
        <translation>导入导出 Excel/WPS 花名册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searching names by pinyin initials</source>
        <translation>按拼音首字母搜索姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ningbo-sw command line</source>
        <translation>ningbo-sw 命令行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding the user data folder</source>
        <translation>确定用户数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record identifiers that are unique across offices</source>
        <translation>各社工站之间唯一的记录编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Helpers of the parts above</source>
        <translation>上述组件的辅助库</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Qt and PySide6 are used under the GNU LGPL version 3. They are separate libraries in the installation folder and may be replaced with compatible versions; their source code is available from qt.io.</source>
        <translation>Qt 与 PySide6 依据 GNU LGPL 第 3 版使用。它们是安装文件夹中独立的库文件，可替换为兼容版本；其源代码可从 qt.io 获取。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About Ningbo Social Work Desktop</source>
        <translation>关于宁波社工桌面</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+14"/>
        <location line="+22"/>
        <source>Ningbo Social Work Desktop</source>
        <translation>宁波社工桌面</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline casework for community social-work offices in Ningbo.</source>
        <translation>面向宁波社区社工站的离线个案管理软件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+18"/>
        <source>Font for printed documents:</source>
        <translation>打印文档字体：</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundled components and their licences</source>
        <translation>随附组件及其许可协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Font licence…</source>
        <translation>字体许可协议…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>installed package</source>
        <translation>安装版</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Python environment</source>
        <translation>Python 环境</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Font licence</source>
        <translation>字体许可协议</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/club_dialogs.py" line="+173"/>
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
        <translation>姓名、拼音首字母、居民身份证号码或其后几位、联系电话</translation>
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
        <location line="+31"/>
        <source>Search for the client and select them in the list.</source>
        <translation>请搜索服务对象并在列表中选中。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/app.py" line="+115"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/attendance_grid.py" line="+273"/>
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
    <name>AttentionLists</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/conflict_review.py" line="+344"/>
        <source>Waiting records</source>
        <translation>待上级记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These arrived before the record they belong to (for example a visit before its case). They are kept, and fall into place when it arrives.</source>
        <translation>这些记录先于其所属记录到达（例如走访记录先于其个案）。它们已保存，所属记录到达后自动归位。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quarantined records</source>
        <translation>隔离记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept aside, not applied: changed on a PC whose clock runs ahead, or holding a value this app refuses. Release applies those that now pass.</source>
        <translation>暂存未应用：修改它们的电脑时钟超前，或含有本软件不接受的值。点击“释放”会应用现在已能通过检查的记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release quarantined records</source>
        <translation>释放隔离记录</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n record(s) applied.</source>
        <translation>
            <numerusform>已应用 %n 条记录。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/backup_box.py" line="+94"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A backup is made automatically once a day (the last 7 are kept), and before every restore and upgrade. Backups hold the clients&apos; personal data, unencrypted: keep them on this computer.</source>
        <translation>每天自动备份一次（保留最近 7 份），每次恢复和升级前也会先备份。备份中的服务对象个人信息未加密，请只保存在本机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore selected…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open backup folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Automatic</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace all current data with the backup of %1? Everything entered since then disappears from this computer. The current data is first saved as a backup, so this can be undone.</source>
        <translation>用 %1 的备份替换当前全部数据吗？此后录入的内容将从这台电脑上消失。当前数据会先另存为一份备份，因此可以撤销。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restored the backup of %1. The data as it was is saved as %2.</source>
        <translation>已恢复 %1 的备份。恢复前的数据已另存为 %2。</translation>
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
        <location filename="../../src/ningbo_sw_desktop/ui/case_detail.py" line="+131"/>
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
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resident ID number</source>
        <translation>居民身份证号码</translation>
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
        <source>Edit client…</source>
        <translation>编辑服务对象…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reassign…</source>
        <translation>转派…</translation>
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
        <location line="+72"/>
        <source>Printing will be available in a later version</source>
        <translation>打印功能将在后续版本提供</translation>
    </message>
</context>
<context>
    <name>CaseEditDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/case_edit_dialog.py" line="+77"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/cases_page.py" line="+85"/>
        <source>Search: name, pinyin initials (zs for 张三), last digits of the ID number, phone or case number  (Ctrl+F)</source>
        <translation>搜索：姓名、拼音首字母（如 zs 查张三）、居民身份证号码后几位、联系电话或个案编号（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>个案状态</translation>
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
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 个个案</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No case matches “%1”. Try pinyin initials, the last digits of the ID number, or the phone number.</source>
        <translation>没有符合“%1”的个案。可试试拼音首字母、居民身份证号码后几位或联系电话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The filters above narrow the list too.</source>
        <translation>上方的筛选条件也会缩小范围。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No case matches the filters above.</source>
        <translation>没有符合上方筛选条件的个案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No cases yet. Open the first one with “New case” (Ctrl+N).</source>
        <translation>还没有个案。请用“新建个案”（Ctrl+N）登记第一个。</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/case_edit_dialog.py" line="+40"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/club_dialogs.py" line="-109"/>
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
        <location line="+211"/>
        <source>Choose a club at the top to see who stopped coming.</source>
        <translation>请先在上方选择俱乐部，这里会列出缺勤的成员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This club has no activities yet; members who miss them will be listed here.</source>
        <translation>该俱乐部还没有活动；成员缺勤后会列在这里。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>No member missed each of the last %n activities: no one to follow up.</source>
        <translation>
            <numerusform>没有成员连续缺席最近 %n 次活动，暂无需回访。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Select a current member in the roster first.</source>
        <translation>请先在花名册中选择一名在册成员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+69"/>
        <source>Leave club</source>
        <translation>退出俱乐部</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>%1 leaves %2 today. The membership stays in the club&apos;s history.</source>
        <translation>%1 今天退出%2。入会记录仍保留在俱乐部历史中。</translation>
    </message>
    <message>
        <location line="+23"/>
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
        <location line="+10"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/case_detail.py" line="-195"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/clubs_page.py" line="-307"/>
        <location line="+53"/>
        <location filename="../../src/ningbo_sw_desktop/ui/duplicates_dialog.py" line="+25"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/sync_devices.py" line="+91"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-6"/>
        <location line="+5"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="+2"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-6"/>
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
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/conflict_review.py" line="-73"/>
        <location line="+7"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Waiting for</source>
        <translation>等待</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Through field</source>
        <translation>关联字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/sync_devices.py" line="-2"/>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>办公点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last bundle received</source>
        <translation>最近收到的同步包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last bundle sent</source>
        <translation>最近发出的同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles not received</source>
        <translation>未收到的同步包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
</context>
<context>
    <name>CombinedValueDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/sync_dialogs.py" line="+137"/>
        <source>Combined value</source>
        <translation>合并编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1
Edit the text into the one value to keep; it replaces the competing values at every office after the next sync.</source>
        <translation>%1
把内容编辑成要保留的一个值；下次同步后，它将在各办公点替换相互冲突的值。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save combined value</source>
        <translation>保存合并后的值</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/widgets.py" line="+51"/>
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
    <name>ConflictReview</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/conflict_review.py" line="-198"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Office</source>
        <translation>办公点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bundle</source>
        <translation>同步包</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current value stays; the other versions are closed.</source>
        <translation>保留当前值，关闭其他版本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the other value</source>
        <translation>采用另一值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the current value with the version selected in the list.</source>
        <translation>用列表中选中的版本替换当前值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit combined value…</source>
        <translation>合并编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the one value to keep, starting from both versions.</source>
        <translation>以两个版本为基础，编辑出要保留的一个值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For notes: keep both texts one after the other, each labelled.</source>
        <translation>用于文字记录：两段内容先后保留，并注明来源。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two offices changed this field without seeing each other&apos;s change. Until you decide, the current value is the one every office shows. Your decision reaches the offices with the next sync bundle.</source>
        <translation>两个办公点在互不知情的情况下修改了这一项。在您决定之前，各办公点显示的都是当前值。您的决定会随下一个同步包送达各办公点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No conflicts to review. When two offices change the same field of a record, it appears here after the import.</source>
        <translation>没有待处理的冲突。两个办公点修改了同一记录的同一项时，导入后会显示在这里。</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%1 · %n version(s)</source>
        <translation>
            <numerusform>%1 · %n 个版本</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Current</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>另一值</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>typed on this device</source>
        <translation>本设备录入</translation>
    </message>
</context>
<context>
    <name>DevicesPanel</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/sync_devices.py" line="+49"/>
        <source>This device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>办公点</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Device id</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>age public key</source>
        <translation>age 公钥</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+9"/>
        <source>Signing key</source>
        <translation>签名公钥</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Copy my keys</source>
        <translation>复制本机公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy office, fingerprint and public keys, to send to the supervisor (they are public: no password or private key is copied).</source>
        <translation>复制办公点、指纹和公钥，发送给督导（均为公开信息，不含密码或私钥）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trusted devices</source>
        <translation>受信任的设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust another device</source>
        <translation>添加受信任的设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 督导 or HS-NM</source>
        <translation>如 督导 或 HS-NM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>64 letters and digits</source>
        <translation>64 位字母和数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste keys</source>
        <translation>粘贴公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the fields from text copied with &quot;Copy my keys&quot; on the other device.</source>
        <translation>用对方设备上“复制本机公钥”得到的文字填写各项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust this device</source>
        <translation>信任该设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No trusted device yet. Paste the other device&apos;s keys above (from “Copy my keys” there), then press “Trust this device”.</source>
        <translation>尚无受信任的设备。请在上方粘贴对方设备的公钥（对方点“复制本机公钥”所得），再点“信任该设备”。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ningbo Social Work Desktop: device keys</source>
        <translation>宁波社工桌面：设备公钥</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied. Paste it into a message or a file for the supervisor.</source>
        <translation>已复制。请粘贴到消息或文件中发给督导。</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/drafts_ui.py" line="+65"/>
        <source>The app stopped last time while %n form(s) were not saved. Reopen them with what was typed?</source>
        <translation>
            <numerusform>上次软件退出时有 %n 个表单尚未保存。要重新打开它们，恢复已填写的内容吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/first_run.py" line="+35"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/forms.py" line="+206"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/intake_dialog.py" line="+103"/>
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
        <source>Gender (*)</source>
        <translation>性别 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Community *</source>
        <translation>社区 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birth date (*)</source>
        <translation>出生日期 (*)</translation>
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
        <translation>如 1948-05-10；已填居民身份证号码时可不填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled from the ID number when left blank</source>
        <translation>不填时由居民身份证号码自动带出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>* required    (*) required unless the resident ID number is given</source>
        <translation>* 为必填项&#x3000;&#x3000;(*) 未填居民身份证号码时必填</translation>
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
        <location filename="../../src/ningbo_sw_desktop/ui/main_window.py" line="+163"/>
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
        <translation>宁波社工桌面</translation>
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
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About this application, its data folder and licences (F1)</source>
        <translation>关于本软件、数据文件夹和许可协议（F1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/cases_page.py" line="-125"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/sync_page.py" line="+86"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../src/ningbo_sw_desktop/ui/reports_page.py" line="+207"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/settings_page.py" line="+25"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="-11"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/visits_page.py" line="+23"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
</context>
<context>
    <name>NewActivityDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/club_dialogs.py" line="+148"/>
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
        <location line="-131"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/ops.py" line="+148"/>
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
    <name>PersonEditDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/person_edit_dialog.py" line="+93"/>
        <source>Edit client %1</source>
        <translation>编辑服务对象 %1</translation>
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
        <source>Gender (*)</source>
        <translation>性别 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Community *</source>
        <translation>社区 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birth date (*)</source>
        <translation>出生日期 (*)</translation>
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
        <source>e.g. 1948-05-10; may stay blank when the ID number is given</source>
        <translation>如 1948-05-10；已填居民身份证号码时可不填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled from the ID number when left blank</source>
        <translation>不填时由居民身份证号码自动带出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>* required    (*) required unless the resident ID number is given. Only the fields you change are saved.</source>
        <translation>* 为必填项&#x3000;&#x3000;(*) 未填居民身份证号码时必填。只保存您修改过的项目。</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/printing.py" line="+109"/>
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
        <location line="+87"/>
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
        <location line="+198"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/reports_page.py" line="-139"/>
        <location line="+13"/>
        <source>Preparing the case summary…</source>
        <translation>正在生成个案摘要…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Full ID number…</source>
        <translation>完整居民身份证号码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the full resident ID number for an official purpose; this is recorded.</source>
        <translation>因公务需要打印完整的居民身份证号码；此操作将记入审计日志。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full ID number</source>
        <translation>完整居民身份证号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Official purpose (recorded in the audit log):</source>
        <translation>公务用途（将记入审计日志）：</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Preparing %n case summary(s)…</source>
        <translation>
            <numerusform>正在生成 %n 份个案摘要…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preparing the roster…</source>
        <translation>正在生成花名册…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preparing the sign-in sheet…</source>
        <translation>正在生成签到表…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preparing the statistics…</source>
        <translation>正在生成统计报表…</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/reassign_dialog.py" line="+84"/>
        <source>%1 (office %2)</source>
        <translation>%1（办公点 %2）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reassign case %1</source>
        <translation>转派个案 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social worker</source>
        <translation>社工</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Office</source>
        <translation>办公点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case moves to the chosen office with its client and visits in the next sync bundle.</source>
        <translation>下一个同步包会把个案连同服务对象和走访记录送到所选办公点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the social worker who takes the case over.</source>
        <translation>请选择接手本个案的社工。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reassign</source>
        <translation>转派</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>choose the social worker who takes the case</source>
        <translation>请选择接手本个案的社工</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/reports_page.py" line="+97"/>
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
        <location line="+2"/>
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
        <location line="+53"/>
        <source>%n case(s) match</source>
        <translation>
            <numerusform>符合条件的个案 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The end date is before the start date; please check the period.</source>
        <translation>结束日期早于开始日期，请核对统计期间。</translation>
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
        <location filename="../../src/ningbo_sw_desktop/ui/settings_page.py" line="+39"/>
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
    <name>SyncPage</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/sync_page.py" line="+86"/>
        <source>Send: export a sync bundle</source>
        <translation>发送：导出同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>发给</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder, or the USB stick</source>
        <translation>文件夹或U盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB stick</source>
        <translation>U盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full bundle (everything, not only what the recipient has not received)</source>
        <translation>完整同步包（全部数据，而不只是对方尚未收到的部分）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export sync bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive: import a sync bundle</source>
        <translation>接收：导入同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import sync bundle…</source>
        <translation>导入同步包…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or drag .nbsync files from the USB stick onto this page. Each bundle is checked before anything is changed; conflicts never stop an import.</source>
        <translation>也可以把U盘里的 .nbsync 文件拖到本页。每个同步包都先经过检查再改动数据；冲突不会中断导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Send and receive</source>
        <translation>发送与接收</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>冲突（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Waiting and quarantine (%n)</source>
        <translation>
            <numerusform>待上级记录与隔离（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting and quarantine</source>
        <translation>待上级记录与隔离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No trusted device yet: add one on the Devices tab</source>
        <translation>尚无受信任的设备：请在“设备”页添加</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save sync bundles to</source>
        <translation>同步包保存到</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No USB stick found: plug one in, or choose a folder</source>
        <translation>未找到U盘：请插入U盘，或选择文件夹</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing the sync bundle…</source>
        <translation>正在生成同步包…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import sync bundles</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync bundles (*.nbsync)</source>
        <translation>同步包 (*.nbsync)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You did not trust %1; nothing was changed.</source>
        <translation>您未信任 %1，数据库未作改动。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sync bundle refused</source>
        <translation>同步包被拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing in the database was changed.</source>
        <translation>数据库未作任何改动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped at your request; nothing was changed.</source>
        <translation>已按您的要求停止，数据库未作改动。</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <location filename="../../src/ningbo_sw_desktop/ui/sync_dialogs.py" line="-83"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Supervisor</source>
        <translation>督导</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Office</source>
        <translation>办公点</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This bundle comes from a device this computer does not trust yet:

%1

Fingerprint:
%2

Phone the sender or meet them, and compare this fingerprint with the one on their Sync page (This device). Trust the device and import its bundle only if every group matches.</source>
        <translation>这个同步包来自本机尚未信任的设备：

%1

指纹：
%2

请打电话或当面与发送方核对：对方在“同步”页“设备—本设备”中看到的指纹。每一组都一致时，才信任该设备并导入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trust a new device?</source>
        <translation>信任新设备？</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From: %1 · bundle no. %2</source>
        <translation>来自：%1 · 第 %2 号同步包</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This device is now trusted; its next bundles import without asking.</source>
        <translation>该设备现已受信任，今后它的同步包导入时不再询问。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+34"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n field(s) changed at two offices: decide them on the Conflicts tab.</source>
        <translation>
            <numerusform>%n 项被两个办公点同时修改：请在“冲突”页处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n record(s) kept aside (quarantined), not applied: see Waiting and quarantine.</source>
        <translation>
            <numerusform>%n 条记录被隔离，未应用：见“待上级记录与隔离”页。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n record(s) wait for the record they belong to (e.g. a visit for its case).</source>
        <translation>
            <numerusform>%n 条记录在等待其所属记录（如走访记录等待其个案）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n new client(s) have the resident ID number of a client already here: check them on the Cases page (search the ID number).</source>
        <translation>
            <numerusform>%n 位新服务对象的居民身份证号码与本机已有服务对象相同：请在“个案”页按居民身份证号码搜索核对。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundles from this sender that never arrived: no. %1. Nothing is lost: their next bundle carries everything not yet received.</source>
        <translation>该发送方的以下同步包未收到：第 %1 号。数据不会丢失：对方的下一个同步包会带上所有尚未收到的内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing needs a look.</source>
        <translation>没有需要处理的事项。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sync bundle written</source>
        <translation>同步包已生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For: %1 · bundle no. %2 · %3 KB</source>
        <translation>发给：%1 · 第 %2 号同步包 · %3 KB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the bundle</source>
        <translation>包内数量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No changes since the last bundle; it still tells the recipient what this device has received.</source>
        <translation>自上一个同步包以来没有新改动；此包仍会告知对方本设备已收到哪些内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the file to the recipient (USB stick) and import it there.</source>
        <translation>请把文件（用U盘）带给对方，在对方电脑上导入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing in the database was changed.</source>
        <translation>数据库未作任何改动。</translation>
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
        <location line="+71"/>
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
        <location filename="../../src/ningbo_sw_desktop/ui/visit_dialog.py" line="+78"/>
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
        <source>Visit kind</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Social worker</source>
        <translation>社工</translation>
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
