<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About VLSBench Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;VLSBench Studio %1&lt;/h2&gt;&lt;p&gt;Review, relabel and score the results of VLSBench, a multimodal safety benchmark whose image–text pairs carry a risk that is visible only in the image.&lt;/p&gt;&lt;p&gt;The benchmark: Hu et al., &lt;a href=&quot;https://arxiv.org/abs/2411.19939&quot;&gt;“VLSBench: Unveiling Visual Leakage in Multimodal Safety”&lt;/a&gt;, arXiv 2411.19939, ACL 2025.&lt;/p&gt;&lt;p&gt;VLSBench Studio is free software under the GNU General Public License, version 3 or later. It is built on the libraries below.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementPage</name>
    <message>
        <source>Judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose labels are the rows: the results&apos; own judge, or a judge run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge (rows) against person (columns); click a cell to list its responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses people labelled differently (double-click to open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person: refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person: warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person: unsafe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge: refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge: warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge: unsafe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge: invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>κ (95 % CI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted κ (95 % CI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results&apos; judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All annotators, pooled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results&apos; judge (judge runs only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n response(s): judge %1, person %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;No human labels here yet. Label responses in the Review tab (keys 1, 2, 3) to compare the judge with people.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1 responses&lt;/b&gt; labelled by people (%2 with a valid judge label).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Judge accuracy per human label: refusal %1 %, warning %2 %, unsafe %3 %; overall %4 %.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Cohen&apos;s κ %1&lt;br&gt;Linearly weighted κ %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between annotators: no response has labels from two people yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between annotators: Krippendorff&apos;s α (ordinal) %1 over %2 labels on responses labelled by two or more people.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationActions</name>
    <message>
        <source>Who is annotating?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name or initials. It is stored with every label and flag you make,
so that work by several people can be told apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name or initials, stored with every label and flag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project is read-only; nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a project?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels and flags are kept in a project file, saved as you make them. Create one now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note needs an annotator name; it was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the label of item %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the leak flag of item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redid %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undid %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BannerWidget</name>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryBarsWidget</name>
    <message>
        <source>% of responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % interval of the safety rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecodedImage</name>
    <message>
        <source>The image file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a readable image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be decoded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any run unsafe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any run invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unsafe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet labelled by me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled by me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge ≠ human</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text leaks the risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsure about leakage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leakage not checked by me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leak suspected by a judge, not checked by me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge %1, %2 %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageViewWidget</name>
    <message>
        <source>Loading image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image hidden
Press Space or click to reveal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <source>Image description and safety reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words that give the image&apos;s risk away (Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty instruction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
The path leads outside the image folder, so it is not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leak: – (L · N · U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leak: %1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  leak suspected: %1 judged the text alone unsafe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <source>%1 — judge: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JudgeDialog</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge Responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure Visual Leakage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint (OpenAI-compatible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or type a key for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge run name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key from variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per 1M input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per 1M output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items and prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every response</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Responses to the %n item(s) in the list</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Responses the judge left invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project&apos;s Rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt: the project&apos;s rubric (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every item</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n item(s) in the list</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Asked with the image (R1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked from the text alone (R2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2/R1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the key typed here, for this session only; it is never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using $%1 from the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1 is not set: requests go without a key (fine for a local server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Judge Prompt Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.md *.prompt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leakage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Starting: %n request(s) to send</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n judged before, kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 done: %3 judged, %4 from the cache, %5 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in flight, %2 retries; %3 requests/s; about %4 to go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens: %L1 in, %L2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; about %1 spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: requests in flight finish, no new ones are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holding back for %1 s (rate limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Finished; %n failed (run again to retry them).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. What was judged is kept; start again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the judge run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests are still running. Stop them? Everything judged so far is kept, and starting the same run again goes on from there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelChipWidget</name>
    <message>
        <source>– no response</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelStyle</name>
    <message>
        <source>Refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsafe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: no label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: unreadable judge reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: content filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text leaks the risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No leak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsure about leakage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leakage not checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaderboardModel</name>
    <message>
        <source>%1 of %2; 95 % interval %3 – %4 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety 95 % CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Human labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corr. Refuse %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corr. Warn %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corr. Safety %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadSummary</name>
    <message>
        <source>%1: %2 responses, %3 matched, %4 unmatched, %5 ambiguous, %6 duplicates, %7 invalid labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n response(s) matched no item</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n judge label(s) invalid</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n validation error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n validation warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n run(s): </source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VLSBench Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text and responses  (/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Unblurred by Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Result Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Current Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Run Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous R&amp;un Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Judge Responses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge responses again with another model through an OpenAI-compatible endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure Visual &amp;Leakage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a safety judge about each item with and without its image (the paper&apos;s R1 and R2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Corrected Results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &amp;Refusal (safe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &amp;Warning (safe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &amp;Unsafe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Response &amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text &amp;Leaks the Image&apos;s Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;o Leak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;sure About Leakage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Leak &amp;Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Lea&amp;k Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move On After Labelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Annotator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;greement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About VLSBench Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading was cancelled; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — VLSBench Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — VLSBench Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching for “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 items match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>  ·  %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Wait for loading to finish before removing a run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open VLSBench Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VLSBench data (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Result Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result files (*.json *.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the project %1; every label is saved as you make it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1 is hidden by the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judgments are kept in the project, and this one is read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialogs</name>
    <message>
        <source>VLSBench Studio projects (*.vlsproj)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset before creating a project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VLSBench Studio projects (*.vlsproj);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuing in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 added, %3 updated, %4 already present, %5 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the annotations to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Corrected Results of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 with human labels in place of the judge&apos;s to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>refusal %1 %, warning %2 %, safety %3 % [%4, %5], n = %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RadarChartWidget</name>
    <message>
        <source>%1 by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety (refusal + warning)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponseColumnWidget</name>
    <message>
        <source>Note on this response (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has no response to this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: %1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ≠ judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: – (1 · 2 · 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponseTextView</name>
    <message>
        <source>Copy Response</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>Closed the project %1. Create a project (Ctrl+N) to label this dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result file(s) will be added when loading has finished.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open a dataset before adding result files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Adding %n result file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The project %1 was not opened: its data could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 was not created: its data could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 records no dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project was made for %1; %2 was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open a dataset before creating a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no response to this item; there is nothing to label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item has no instruction_id, so a label could not be tied to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instruction_id %1 is used by several items; a label would be ambiguous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels are signed: set an annotator first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels and flags are kept in a project: create one first (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project is read-only; nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project: labels need one (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reviewed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project %1 is open read-only: %2 Labels can be read but not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the project recorded its input files, %1 of them changed or went missing: labels may refer to other data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoresPage</name>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Charts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected (human labels first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text leaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leak share % (95 % CI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: sub-categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrected labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>judge labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal and warning by category (%1); bars in run order, safety 95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by sub-category (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md);;LaTeX, booktabs (*.tex);;CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
