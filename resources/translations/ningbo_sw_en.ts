<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttentionLists</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/conflict_review.py" line="+378"/>
        <source>%n record(s) applied.</source>
        <translation>
            <numerusform>%n record applied.</numerusform>
            <numerusform>%n records applied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/cases_page.py" line="+135"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClubsPage</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/clubs_page.py" line="+262"/>
        <source>No member missed each of the last %n activities: no one to follow up.</source>
        <translation>
            <numerusform>No member missed the last activity: no one to follow up.</numerusform>
            <numerusform>No member missed each of the last %n activities: no one to follow up.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+142"/>
        <location line="+1"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n member(s) to follow up</source>
        <translation>
            <numerusform>%n member to follow up</numerusform>
            <numerusform>%n members to follow up</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictReview</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/conflict_review.py" line="-217"/>
        <source>%1 · %n version(s)</source>
        <translation>
            <numerusform>%1 · %n version</numerusform>
            <numerusform>%1 · %n versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/drafts_ui.py" line="+65"/>
        <source>The app stopped last time while %n form(s) were not saved. Reopen them with what was typed?</source>
        <translation>
            <numerusform>The app stopped last time while %n form was not saved. Reopen it with what was typed?</numerusform>
            <numerusform>The app stopped last time while %n forms were not saved. Reopen them with what was typed?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/printing.py" line="+114"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/reports_page.py" line="+94"/>
        <source>Preparing %n case summary(s)…</source>
        <translation>
            <numerusform>Preparing %n case summary…</numerusform>
            <numerusform>Preparing %n case summaries…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message numerus="yes">
        <location line="+192"/>
        <source>%n case(s) match</source>
        <translation>
            <numerusform>%n case matches</numerusform>
            <numerusform>%n cases match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/sync_page.py" line="+239"/>
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>Conflicts (%n)</numerusform>
            <numerusform>Conflicts (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Waiting and quarantine (%n)</source>
        <translation>
            <numerusform>Waiting and quarantine (%n)</numerusform>
            <numerusform>Waiting and quarantine (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/sync_dialogs.py" line="+212"/>
        <source>%n field(s) changed at two offices: decide them on the Conflicts tab.</source>
        <translation>
            <numerusform>%n field changed at two offices: decide it on the Conflicts tab.</numerusform>
            <numerusform>%n fields changed at two offices: decide them on the Conflicts tab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n record(s) kept aside (quarantined), not applied: see Waiting and quarantine.</source>
        <translation>
            <numerusform>%n record kept aside (quarantined), not applied: see Waiting and quarantine.</numerusform>
            <numerusform>%n records kept aside (quarantined), not applied: see Waiting and quarantine.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n record(s) wait for the record they belong to (e.g. a visit for its case).</source>
        <translation>
            <numerusform>%n record waits for the record it belongs to (e.g. a visit for its case).</numerusform>
            <numerusform>%n records wait for the record they belong to (e.g. a visit for its case).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n new client(s) have the resident ID number of a client already here: check them on the Cases page (search the ID number).</source>
        <translation>
            <numerusform>%n new client has the resident ID number of a client already here: check them on the Cases page (search the ID number).</numerusform>
            <numerusform>%n new clients have the resident ID number of a client already here: check them on the Cases page (search the ID number).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/today_page.py" line="+32"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message numerus="yes">
        <location filename="../../src/ningbo_sw_desktop/ui/visits_page.py" line="+63"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
</TS>
