<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About r2desk</source>
            <extracomment>The README beside the package in a source tree (an installed copy reads its metadata).</extracomment>
            <translation>关于 r2desk</translation>
        </message>
        <message>
            <source>A desktop file manager for Cloudflare R2 and other S3-compatible storage. Free software under the MIT licence.</source>
            <translation>适用于 Cloudflare R2 及其他 S3 兼容存储的桌面文件管理器。基于 MIT 许可证的自由软件。</translation>
        </message>
        <message>
            <source>Connections</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>kept in memory (this session only)</source>
            <translation>仅保存在内存中（仅限本次会话）</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>Transfer journal</source>
            <translation>传输日志</translation>
        </message>
        <message>
            <source>Built with</source>
            <translation>构建依赖</translation>
        </message>
        <message>
            <source>{0} (select to copy)</source>
            <translation>{0}（选中即可复制）</translation>
        </message>
    </context>
    <context>
        <name>BookmarksPanel</name>
        <message>
            <source>Bookmarks panel</source>
            <translation>书签面板</translation>
        </message>
        <message>
            <source>&amp;Bookmarks</source>
            <translation>书签(&amp;B)</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Folders you bookmarked (Ctrl+D); right-click to rename or remove one</source>
            <translation>已加书签的文件夹（Ctrl+D）；右键单击可重命名或移除</translation>
        </message>
        <message>
            <source>Ctrl+D bookmarks the folder you are in.</source>
            <translation>按 Ctrl+D 为当前文件夹添加书签。</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>重命名(&amp;R)…</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>移除(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>Browser</name>
        <message>
            <source>Filter (Ctrl+F)</source>
            <extracomment>Listing failures that mean the connection itself does not work.</extracomment>
            <translation>筛选（Ctrl+F）</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>筛选</translation>
        </message>
        <message>
            <source>Show only entries whose name contains this text</source>
            <translation>仅显示名称包含此文本的条目</translation>
        </message>
        <message>
            <source>Objects in this folder: drop files here to upload them</source>
            <translation>此文件夹中的对象：将文件拖放到此处即可上传</translation>
        </message>
        <message>
            <source>Object count</source>
            <translation>对象数量</translation>
        </message>
        <message>
            <source>Entries listed in this folder</source>
            <translation>此文件夹中列出的条目</translation>
        </message>
        <message>
            <source>Selection</source>
            <translation>所选内容</translation>
        </message>
        <message>
            <source>Selected entries and their total size</source>
            <translation>所选条目及其总大小</translation>
        </message>
        <message>
            <source>Connection state</source>
            <translation>连接状态</translation>
        </message>
        <message>
            <source>State of the current connection</source>
            <translation>当前连接的状态</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Listing…</source>
            <translation>正在列出…</translation>
        </message>
        <message>
            <source>Connected to {0}</source>
            <translation>已连接到 {0}</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>未连接</translation>
        </message>
        <message>
            <source>Listing failed</source>
            <translation>列出失败</translation>
        </message>
        <message>
            <source>1 object</source>
            <translation>1 个对象</translation>
        </message>
        <message>
            <source>{0} objects</source>
            <translation>{0} 个对象</translation>
        </message>
        <message>
            <source>{0}, {1}</source>
            <translation>{0}，{1}</translation>
        </message>
        <message>
            <source>1 folder</source>
            <translation>1 个文件夹</translation>
        </message>
        <message>
            <source>{0} folders</source>
            <translation>{0} 个文件夹</translation>
        </message>
        <message>
            <source> so far; sorted as loaded (scroll for more)</source>
            <translation>（目前已加载；仅对已加载部分排序，滚动以加载更多）</translation>
        </message>
        <message>
            <source>{0} shown of {1}</source>
            <translation>显示 {0} 个，共 {1}</translation>
        </message>
        <message>
            <source>{0} selected</source>
            <translation>已选择 {0} 个</translation>
        </message>
        <message>
            <source>, {0} in files</source>
            <translation>，文件共 {0}</translation>
        </message>
    </context>
    <context>
        <name>BucketBranch</name>
        <message>
            <source>Listing buckets…</source>
            <extracomment>Item data: the location to browse ("storages.X" or "storages.X@bucket"), the kind, the bucket.</extracomment>
            <translation>正在列出存储桶…</translation>
        </message>
        <message>
            <source>The connection's own bucket</source>
            <translation>此连接自身的存储桶</translation>
        </message>
        <message>
            <source>Another bucket of this connection (same endpoint and keys)</source>
            <translation>此连接的另一个存储桶（相同端点和密钥）</translation>
        </message>
        <message>
            <source>This token may not list other buckets: {0}</source>
            <translation>此令牌无权列出其他存储桶：{0}</translation>
        </message>
        <message>
            <source>Bucket settings…</source>
            <translation>存储桶设置…</translation>
        </message>
        <message>
            <source>Unfinished uploads…</source>
            <translation>未完成的上传…</translation>
        </message>
        <message>
            <source>Add this bucket as its own connection</source>
            <translation>将此存储桶添加为独立连接</translation>
        </message>
        <message>
            <source>Empty bucket…</source>
            <translation>清空存储桶…</translation>
        </message>
        <message>
            <source>Delete bucket…</source>
            <translation>删除存储桶…</translation>
        </message>
        <message>
            <source>New bucket…</source>
            <translation>新建存储桶…</translation>
        </message>
        <message>
            <source>Bucket {0} created.</source>
            <translation>已创建存储桶 {0}。</translation>
        </message>
        <message>
            <source>Delete bucket</source>
            <translation>删除存储桶</translation>
        </message>
        <message>
            <source>Delete the empty bucket {0}? A bucket that holds objects is refused.</source>
            <translation>删除空存储桶 {0}？包含对象的存储桶无法删除。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Bucket {0} deleted.</source>
            <translation>已删除存储桶 {0}。</translation>
        </message>
        <message>
            <source>{0} objects ({1})</source>
            <translation>{0} 个对象（{1}）</translation>
        </message>
        <message>
            <source>Empty bucket</source>
            <translation>清空存储桶</translation>
        </message>
        <message>
            <source>Bucket {0} holds {1}. Everything in it is deleted, and its unfinished uploads are aborted. Type the bucket's name to go on:</source>
            <translation>存储桶 {0} 包含 {1}。其中的所有内容都将被删除，未完成的上传也将被中止。请输入存储桶名称以继续：</translation>
        </message>
        <message>
            <source>Type {0} exactly</source>
            <translation>请准确输入 {0}</translation>
        </message>
        <message>
            <source>Emptying {0}…</source>
            <translation>正在清空 {0}…</translation>
        </message>
        <message>
            <source>Deleted {0} objects from {1}; aborted {2} unfinished uploads.</source>
            <translation>已从 {1} 删除 {0} 个对象；已中止 {2} 个未完成的上传。</translation>
        </message>
        <message>
            <source>Saved {0} as the connection {1}.</source>
            <translation>已将 {0} 保存为连接 {1}。</translation>
        </message>
    </context>
    <context>
        <name>BucketSettingsDialog</name>
        <message>
            <source>Bucket settings: {0}</source>
            <translation>存储桶设置：{0}</translation>
        </message>
        <message>
            <source>&amp;CORS</source>
            <translation>CORS(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Lifecycle</source>
            <translation>生命周期(&amp;L)</translation>
        </message>
        <message>
            <source>Objects are stored as STANDARD or STANDARD_IA (Infrequent Access). Change the class of selected objects from their context menu (Storage class…) or with r2desk storage-class; the object is copied onto itself, its content type and metadata kept. A lifecycle rule can move objects to Infrequent Access but never back.</source>
            <translation>对象以 STANDARD 或 STANDARD_IA（低频访问）存储。可通过所选对象的右键菜单（存储类别…）或 r2desk storage-class 更改其类别；对象会复制到自身，内容类型和元数据保持不变。生命周期规则可以将对象移至低频访问，但无法移回。</translation>
        </message>
        <message>
            <source>&amp;Storage class</source>
            <translation>存储类别(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>BusyView</name>
        <message>
            <source>Preparing</source>
            <translation>正在准备</translation>
        </message>
    </context>
    <context>
        <name>ClipboardActions</name>
        <message>
            <source>Cut {0}: paste it where it should go</source>
            <extracomment>Our clipboard format: {"element", "bucket", "keys", "cut"} as JSON.</extracomment>
            <translation>已剪切 {0}：请粘贴到目标位置</translation>
        </message>
        <message>
            <source>Copied {0}</source>
            <translation>已复制 {0}</translation>
        </message>
        <message>
            <source>Nothing to paste: copy objects or files first</source>
            <translation>没有可粘贴的内容：请先复制对象或文件</translation>
        </message>
        <message>
            <source>Preparing the paste…</source>
            <translation>正在准备粘贴…</translation>
        </message>
        <message>
            <source>Not pasted: {0}: {1}</source>
            <translation>未粘贴：{0}：{1}</translation>
        </message>
        <message>
            <source>Nothing was pasted.</source>
            <translation>未粘贴任何内容。</translation>
        </message>
        <message>
            <source>Moving {0}…</source>
            <translation>正在移动 {0}…</translation>
        </message>
        <message>
            <source>Copying {0}…</source>
            <translation>正在复制 {0}…</translation>
        </message>
        <message>
            <source>Moving: {0} of {1} done…</source>
            <translation>正在移动：已完成 {0}/{1}…</translation>
        </message>
        <message>
            <source>Copying: {0} of {1} done…</source>
            <translation>正在复制：已完成 {0}/{1}…</translation>
        </message>
        <message>
            <source>Finish the interrupted move?</source>
            <translation>完成被中断的移动？</translation>
        </message>
        <message>
            <source>Moving {0} to {1} was interrupted before it finished. Finish it now? What is still at the source is moved; what was already copied is checked, not copied again.</source>
            <translation>将 {0} 移动到 {1} 的操作在完成前被中断。现在完成吗？仍在源位置的内容将被移动；已复制的内容会被检查，不会再次复制。</translation>
        </message>
        <message>
            <source>Finish moving</source>
            <translation>完成移动</translation>
        </message>
        <message>
            <source>Moved {0}</source>
            <translation>已移动 {0}</translation>
        </message>
        <message>
            <source>{0}; skipped {1}</source>
            <translation>{0}；跳过 {1} 个</translation>
        </message>
        <message>
            <source>Some objects were not pasted</source>
            <translation>部分对象未粘贴</translation>
        </message>
        <message>
            <source>{0} of {1} objects could not be pasted; they stay where they were.</source>
            <translation>{1} 个对象中有 {0} 个无法粘贴，它们保留在原处。</translation>
        </message>
    </context>
    <context>
        <name>ConnectionDialog</name>
        <message>
            <source>Duplicate connection</source>
            <extracomment>The element being edited (None for a new one or a duplicate). Where an unchanged secret comes from (the edited element, or a duplicate's source).</extracomment>
            <translation>复制连接</translation>
        </message>
        <message>
            <source>Edit connection</source>
            <translation>编辑连接</translation>
        </message>
        <message>
            <source>New connection</source>
            <translation>新建连接</translation>
        </message>
        <message>
            <source>{0} (copy)</source>
            <translation>{0}（副本）</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>测试连接(&amp;T)</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>Check the endpoint, the credentials and the bucket with the values above (nothing is saved); click again to cancel a running test</source>
            <translation>使用上面的值检查端点、凭据和存储桶（不会保存任何内容）；再次点击可取消正在进行的测试</translation>
        </message>
        <message>
            <source>Include a write check</source>
            <translation>包括写入检查</translation>
        </message>
        <message>
            <source>Also upload and delete a small probe object, to prove the token may write</source>
            <translation>同时上传并删除一个小的测试对象，以证明此令牌具有写入权限</translation>
        </message>
        <message>
            <source>Test result</source>
            <translation>测试结果</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Save connection</source>
            <translation>保存连接</translation>
        </message>
        <message>
            <source>Write the connection</source>
            <translation>写入连接</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Close without saving</source>
            <translation>关闭且不保存</translation>
        </message>
        <message>
            <source>needs a place: no OS keyring, so choose one of the two below</source>
            <translation>需要选择保存位置：没有系统密钥环，请从下面两项中选择一项</translation>
        </message>
        <message>
            <source>Used for Test connection only; not saved</source>
            <translation>仅用于测试连接；不会保存</translation>
        </message>
        <message>
            <source>Unexpected error:
</source>
            <translation>意外错误：
</translation>
        </message>
        <message>
            <source>Leave empty to keep the current secret</source>
            <translation>留空以保留当前密钥</translation>
        </message>
        <message>
            <source>Required, unless {0} is set where the app runs</source>
            <translation>必填，除非在应用运行的环境中设置了 {0}</translation>
        </message>
        <message>
            <source>Correct this first: </source>
            <translation>请先更正：</translation>
        </message>
        <message>
            <source>Testing the connection…</source>
            <translation>正在测试连接…</translation>
        </message>
        <message>
            <source>Cancel &amp;test</source>
            <translation>取消测试(&amp;T)</translation>
        </message>
        <message>
            <source>Cancel test</source>
            <translation>取消测试</translation>
        </message>
        <message>
            <source>Test cancelled.</source>
            <translation>测试已取消。</translation>
        </message>
        <message>
            <source>Endpoint</source>
            <translation>端点</translation>
        </message>
        <message>
            <source>Credentials</source>
            <translation>凭据</translation>
        </message>
        <message>
            <source>Bucket</source>
            <translation>存储桶</translation>
        </message>
        <message>
            <source>Write</source>
            <translation>写入</translation>
        </message>
        <message>
            <source>Connection works.   {0}</source>
            <translation>连接正常。   {0}</translation>
        </message>
        <message>
            <source>Connection failed.   {0}</source>
            <translation>连接失败。   {0}</translation>
        </message>
        <message>
            <source>Connection failed: {0}</source>
            <translation>连接失败：{0}</translation>
        </message>
        <message>
            <source>Listing…</source>
            <translation>正在列出…</translation>
        </message>
        <message>
            <source>{0} bucket(s) found: pick one or type a name.</source>
            <translation>找到 {0} 个存储桶：请选择一个或输入名称。</translation>
        </message>
        <message>
            <source>This token sees no buckets: type the bucket name.</source>
            <translation>此令牌看不到任何存储桶：请输入存储桶名称。</translation>
        </message>
        <message>
            <source>This token may not list buckets (tokens limited to specific buckets cannot): type the bucket name.</source>
            <translation>此令牌无权列出存储桶（仅限特定存储桶的令牌无法列出）：请输入存储桶名称。</translation>
        </message>
        <message>
            <source>Could not list buckets.</source>
            <translation>无法列出存储桶。</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <source>Not saved: {0}</source>
            <translation>未保存：{0}</translation>
        </message>
    </context>
    <context>
        <name>ConnectionForm</name>
        <message>
            <source>Default</source>
            <translation>默认</translation>
        </message>
        <message>
            <source>{0} problem</source>
            <extracomment>The element being edited (None for a new one or a duplicate). Each checked field's warning mark, shown inside the field when it has a problem. The field the user typed in last: its problem is said first. The short name follows the title until the user edits it (new connections only). Set once every widget exists: validation runs as the fields are filled.</extracomment>
            <translation>{0} 有问题</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>The name shown in the app's list of connections</source>
            <translation>在应用的连接列表中显示的名称</translation>
        </message>
        <message>
            <source>My photos</source>
            <translation>我的照片</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>标题(&amp;T)：</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <source>Names this connection's folder, and is what scripts and the command line use (r2desk ls &lt;short name&gt;). Filled in from the title until you change it. Letters, digits, '_' and '-' only.</source>
            <translation>用作此连接的文件夹名，脚本和命令行也使用它（r2desk ls &lt;简称&gt;）。在您修改之前会根据标题自动填写。只能包含字母、数字、“_”和“-”。</translation>
        </message>
        <message>
            <source>My-photos</source>
            <translation>My-photos</translation>
        </message>
        <message>
            <source>S&amp;hort name:</source>
            <translation>简称(&amp;H)：</translation>
        </message>
        <message>
            <source>Cloudflare &amp;R2</source>
            <translation>Cloudflare R2(&amp;R)</translation>
        </message>
        <message>
            <source>Cloudflare R2</source>
            <translation>Cloudflare R2</translation>
        </message>
        <message>
            <source>Connect to an R2 bucket by account id and jurisdiction</source>
            <translation>通过账户 ID 和管辖区连接到 R2 存储桶</translation>
        </message>
        <message>
            <source>Other S3-compatible &amp;service</source>
            <translation>其他 S3 兼容服务(&amp;S)</translation>
        </message>
        <message>
            <source>Other S3-compatible service</source>
            <translation>其他 S3 兼容服务</translation>
        </message>
        <message>
            <source>Connect to any S3-compatible endpoint by its URL</source>
            <translation>通过 URL 连接到任意 S3 兼容端点</translation>
        </message>
        <message>
            <source>Service:</source>
            <translation>服务：</translation>
        </message>
        <message>
            <source>Account ID</source>
            <translation>账户 ID</translation>
        </message>
        <message>
            <source>Your Cloudflare account id: 32 hexadecimal characters, shown on the R2 overview page. Pasting the S3 API URL fills in the jurisdiction too.</source>
            <translation>您的 Cloudflare 账户 ID：32 个十六进制字符，显示在 R2 概览页面上。粘贴 S3 API URL 也会自动填写管辖区。</translation>
        </message>
        <message>
            <source>0123456789abcdef0123456789abcdef</source>
            <translation>0123456789abcdef0123456789abcdef</translation>
        </message>
        <message>
            <source>&amp;Account ID:</source>
            <translation>账户 ID(&amp;A)：</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>管辖区</translation>
        </message>
        <message>
            <source>Where the bucket was created. A bucket in the EU or FedRAMP jurisdiction is only reachable through that jurisdiction's endpoint.</source>
            <translation>存储桶的创建位置。位于 EU 或 FedRAMP 管辖区的存储桶只能通过该管辖区的端点访问。</translation>
        </message>
        <message>
            <source>Endpoint used</source>
            <translation>使用的端点</translation>
        </message>
        <message>
            <source>&amp;Jurisdiction:</source>
            <translation>管辖区(&amp;J)：</translation>
        </message>
        <message>
            <source>Endpoint URL</source>
            <translation>端点 URL</translation>
        </message>
        <message>
            <source>The S3 API address, e.g. https://s3.example.com or http://127.0.0.1:9000</source>
            <translation>S3 API 地址，例如 https://s3.example.com 或 http://127.0.0.1:9000</translation>
        </message>
        <message>
            <source>https://s3.example.com</source>
            <translation>https://s3.example.com</translation>
        </message>
        <message>
            <source>Endpoint &amp;URL:</source>
            <translation>端点 URL(&amp;U)：</translation>
        </message>
        <message>
            <source>Bucket</source>
            <translation>存储桶</translation>
        </message>
        <message>
            <source>Type the bucket name, or pick one after listing the account's buckets</source>
            <translation>输入存储桶名称，或在列出账户的存储桶后选择一个</translation>
        </message>
        <message>
            <source>my-bucket</source>
            <translation>my-bucket</translation>
        </message>
        <message>
            <source>&amp;List buckets</source>
            <translation>列出存储桶(&amp;L)</translation>
        </message>
        <message>
            <source>List buckets</source>
            <translation>列出存储桶</translation>
        </message>
        <message>
            <source>Ask the endpoint for the buckets this token may see (tokens limited to specific buckets cannot list them: type the name instead)</source>
            <translation>向端点查询此令牌可见的存储桶（仅限特定存储桶的令牌无法列出：请直接输入名称）</translation>
        </message>
        <message>
            <source>&amp;Bucket:</source>
            <translation>存储桶(&amp;B)：</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>The signing region; R2 uses 'auto'</source>
            <translation>签名区域；R2 使用“auto”</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>auto</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>区域(&amp;G)：</translation>
        </message>
        <message>
            <source>Access key ID</source>
            <translation>访问密钥 ID</translation>
        </message>
        <message>
            <source>The access key id of the API token (32 characters for R2)</source>
            <translation>API 令牌的访问密钥 ID（R2 为 32 个字符）</translation>
        </message>
        <message>
            <source>Access &amp;key ID:</source>
            <translation>访问密钥 ID(&amp;K)：</translation>
        </message>
        <message>
            <source>Secret access key</source>
            <translation>秘密访问密钥</translation>
        </message>
        <message>
            <source>The token's secret access key. It is stored in the OS keyring, never in a file.</source>
            <translation>令牌的秘密访问密钥。它保存在系统密钥环中，绝不写入文件。</translation>
        </message>
        <message>
            <source>Sho&amp;w</source>
            <translation>显示(&amp;W)</translation>
        </message>
        <message>
            <source>Show secret</source>
            <translation>显示密钥</translation>
        </message>
        <message>
            <source>Show or hide the secret access key</source>
            <translation>显示或隐藏秘密访问密钥</translation>
        </message>
        <message>
            <source>&amp;Secret access key:</source>
            <translation>秘密访问密钥(&amp;S)：</translation>
        </message>
        <message>
            <source>Public base URL</source>
            <translation>公开基础 URL</translation>
        </message>
        <message>
            <source>Optional: the bucket's public address (custom domain or r2.dev URL), used to build public links</source>
            <translation>可选：存储桶的公开地址（自定义域名或 r2.dev URL），用于生成公开链接</translation>
        </message>
        <message>
            <source>https://files.example.com</source>
            <translation>https://files.example.com</translation>
        </message>
        <message>
            <source>&amp;Public base URL:</source>
            <translation>公开基础 URL(&amp;P)：</translation>
        </message>
        <message>
            <source>Problems</source>
            <extracomment>The one place for the form's words: a field's problem, or what Save still needs. Its height is fixed (two lines), so showing or clearing it moves nothing.</extracomment>
            <translation>问题</translation>
        </message>
        <message>
            <source>&amp;Hide</source>
            <translation>隐藏(&amp;H)</translation>
        </message>
        <message>
            <source>Hide secret</source>
            <translation>隐藏密钥</translation>
        </message>
        <message>
            <source>is required (or set {0} where the app runs)</source>
            <translation>为必填项（或在应用运行的环境中设置 {0}）</translation>
        </message>
        <message>
            <source>is already used by another connection</source>
            <translation>已被另一个连接使用</translation>
        </message>
        <message>
            <source> (and {0} more, marked ⚠)</source>
            <translation>（另有 {0} 项，已用 ⚠ 标出）</translation>
        </message>
        <message>
            <source>To save, fill in: {0}.</source>
            <translation>保存前请填写：{0}。</translation>
        </message>
        <message>
            <source>Endpoint: {0}</source>
            <translation>端点：{0}</translation>
        </message>
    </context>
    <context>
        <name>ConnectionWords</name>
        <message>
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Account ID</source>
            <translation>账户 ID</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>管辖区</translation>
        </message>
        <message>
            <source>Endpoint URL</source>
            <translation>端点 URL</translation>
        </message>
        <message>
            <source>Bucket</source>
            <translation>存储桶</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Access key ID</source>
            <translation>访问密钥 ID</translation>
        </message>
        <message>
            <source>Secret access key</source>
            <translation>秘密访问密钥</translation>
        </message>
        <message>
            <source>Public base URL</source>
            <translation>公开基础 URL</translation>
        </message>
        <message>
            <source>is required</source>
            <extracomment>The core's fixed problem phrases (they follow the field's label).</extracomment>
            <translation>为必填项</translation>
        </message>
        <message>
            <source>is empty</source>
            <translation>为空</translation>
        </message>
        <message>
            <source>must not start with a dot</source>
            <translation>不能以点开头</translation>
        </message>
        <message>
            <source>must be at most 64 characters long</source>
            <translation>最多只能有 64 个字符</translation>
        </message>
        <message>
            <source>must start with a letter or underscore</source>
            <translation>必须以字母或下划线开头</translation>
        </message>
        <message>
            <source>may hold only letters A-Z, digits, '_' and '-' (no spaces, dots or slashes)</source>
            <translation>只能包含字母 A-Z、数字、“_”和“-”（不能有空格、点或斜杠）</translation>
        </message>
        <message>
            <source>must not contain spaces or line breaks</source>
            <translation>不能包含空格或换行</translation>
        </message>
        <message>
            <source>is longer than any S3 access key id (at most 128 characters)</source>
            <translation>比任何 S3 访问密钥 ID 都长（最多 128 个字符）</translation>
        </message>
        <message>
            <source>contains spaces or line breaks: paste it again</source>
            <translation>包含空格或换行：请重新粘贴</translation>
        </message>
        <message>
            <source>must be 3 to 63 characters long</source>
            <translation>长度必须为 3 到 63 个字符</translation>
        </message>
        <message>
            <source>must not hold '..' or look like an IP address</source>
            <translation>不能包含“..”，也不能形如 IP 地址</translation>
        </message>
        <message>
            <source>may hold only lowercase letters, digits and hyphens on R2 (no dots)</source>
            <translation>在 R2 上只能包含小写字母、数字和连字符（不能有点）</translation>
        </message>
        <message>
            <source>is required (Cloudflare dashboard → R2 → Account details)</source>
            <translation>为必填项（Cloudflare 控制台 → R2 → 账户详情）</translation>
        </message>
        <message>
            <source>should be only the 32-character account id, not the endpoint URL</source>
            <translation>应只填写 32 位账户 ID，而不是端点 URL</translation>
        </message>
        <message>
            <source>must be an http(s):// URL such as https://files.example.com or https://pub-….r2.dev</source>
            <translation>必须是 http(s):// URL，例如 https://files.example.com 或 https://pub-….r2.dev</translation>
        </message>
        <message>
            <source>must not contain a query or fragment</source>
            <translation>不能包含查询参数或片段</translation>
        </message>
        <message>
            <source>must be a host name or an http(s)://host[:port] URL</source>
            <translation>必须是主机名或 http(s)://host[:port] URL</translation>
        </message>
        <message>
            <source>must not contain a user name or password</source>
            <translation>不能包含用户名或密码</translation>
        </message>
        <message>
            <source>has an invalid port</source>
            <translation>端口无效</translation>
        </message>
        <message>
            <source>must be a host name (like &lt;account&gt;.r2.cloudflarestorage.com) or a URL</source>
            <translation>必须是主机名（如 &lt;account&gt;.r2.cloudflarestorage.com）或 URL</translation>
        </message>
        <message>
            <source>may hold only letters, digits and hyphens (R2 uses 'auto')</source>
            <translation>只能包含字母、数字和连字符（R2 使用“auto”）</translation>
        </message>
        <message>
            <source>must be the 32 hexadecimal characters of the account (this one has {0})</source>
            <extracomment>Phrases with a number in them: (the core's pattern, its template for translators).</extracomment>
            <translation>必须是账户的 32 个十六进制字符（当前为 {0} 个）</translation>
        </message>
        <message>
            <source>of an R2 token is 32 characters long (this one has {0})</source>
            <translation>R2 令牌的此项长度为 32 个字符（当前为 {0} 个）</translation>
        </message>
        <message>
            <source>of an R2 token is 64 characters long (this one has {0})</source>
            <translation>R2 令牌的此项长度为 64 个字符（当前为 {0} 个）</translation>
        </message>
        <message>
            <source>'{0}' is a reserved file name on Windows</source>
            <translation>“{0}”是 Windows 保留的文件名</translation>
        </message>
    </context>
    <context>
        <name>CorsTab</name>
        <message>
            <source>Allow GET from anywhere</source>
            <extracomment>The core's preset names (r2desk.storages.bucket_rules.cors_presets), for Qt Linguist.</extracomment>
            <translation>允许从任何地方 GET</translation>
        </message>
        <message>
            <source>Allow browser uploads from my site</source>
            <translation>允许从我的网站进行浏览器上传</translation>
        </message>
        <message>
            <source>Origins</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Methods</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>Allowed headers</source>
            <translation>允许的标头</translation>
        </message>
        <message>
            <source>Expose headers</source>
            <translation>公开的标头</translation>
        </message>
        <message>
            <source>Max age (s)</source>
            <translation>最长缓存时间（秒）</translation>
        </message>
        <message>
            <source>CORS rules</source>
            <translation>CORS 规则</translation>
        </message>
        <message>
            <source>Browsers may read from and upload to this bucket only from the origins listed here. Comma-separate several values; methods: {0}.</source>
            <translation>浏览器只能从此处列出的来源读取和上传到此存储桶。多个值用逗号分隔；方法：{0}。</translation>
        </message>
        <message>
            <source>Add a preset rule</source>
            <translation>添加预设规则</translation>
        </message>
        <message>
            <source>Add a preset…</source>
            <translation>添加预设…</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>r2desk: unexpected error</source>
            <translation>r2desk：意外错误</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. r2desk keeps running, but the last action may not have finished. Please copy these details into a bug report (they hold no secrets).</source>
            <translation>发生了意外错误。r2desk 会继续运行，但上一个操作可能没有完成。请将这些详细信息复制到错误报告中（其中不包含任何机密）。</translation>
        </message>
        <message>
            <source>Error details</source>
            <translation>错误详情</translation>
        </message>
        <message>
            <source>Technical details of the error; select and copy them</source>
            <translation>错误的技术详情；可选中并复制</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>复制详情</translation>
        </message>
        <message>
            <source>Copy the details to the clipboard</source>
            <translation>将详情复制到剪贴板</translation>
        </message>
    </context>
    <context>
        <name>CreateBucketDialog</name>
        <message>
            <source>New bucket</source>
            <translation>新建存储桶</translation>
        </message>
        <message>
            <source>Bucket name</source>
            <translation>存储桶名称</translation>
        </message>
        <message>
            <source>my-new-bucket</source>
            <translation>my-new-bucket</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>Location hint</source>
            <translation>位置提示</translation>
        </message>
        <message>
            <source>Automatic (none)</source>
            <translation>自动（无）</translation>
        </message>
        <message>
            <source>Location hints are Cloudflare R2's; this is not R2</source>
            <translation>位置提示仅适用于 Cloudflare R2；此处不是 R2</translation>
        </message>
        <message>
            <source>&amp;Location hint:</source>
            <translation>位置提示(&amp;L)：</translation>
        </message>
        <message>
            <source>default</source>
            <translation>默认</translation>
        </message>
        <message>
            <source>{0} (from the connection's endpoint)</source>
            <translation>{0}（来自连接的端点）</translation>
        </message>
        <message>
            <source>set by the endpoint {0}</source>
            <translation>由端点 {0} 决定</translation>
        </message>
        <message>
            <source>Jurisdiction:</source>
            <translation>管辖区：</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>创建</translation>
        </message>
        <message>
            <source>The name {0}</source>
            <translation>名称 {0}</translation>
        </message>
    </context>
    <context>
        <name>DeliveryWait</name>
        <message>
            <source>Dragging out</source>
            <translation>正在拖出</translation>
        </message>
        <message>
            <source>Listing the objects to drag out…</source>
            <translation>正在列出要拖出的对象…</translation>
        </message>
        <message>
            <source>Drag-out progress</source>
            <translation>拖出进度</translation>
        </message>
        <message>
            <source>Downloading {0} of {1} files for the drop…</source>
            <translation>正在为拖放下载第 {0} 个文件（共 {1} 个）…</translation>
        </message>
        <message>
            <source>Waiting: the transfer queue is paused. Resume it, or cancel the drop.</source>
            <translation>等待中：传输队列已暂停。请继续队列，或取消拖放。</translation>
        </message>
    </context>
    <context>
        <name>DiffTree</name>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Differences</source>
            <translation>差异</translation>
        </message>
        <message>
            <source>What the sync will do; uncheck what it should leave alone</source>
            <translation>同步将执行的操作；取消勾选不希望改动的项目</translation>
        </message>
        <message>
            <source>first side</source>
            <translation>第一侧</translation>
        </message>
        <message>
            <source>second side</source>
            <translation>第二侧</translation>
        </message>
        <message>
            <source>new</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>已更改</translation>
        </message>
        <message>
            <source>delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>only there</source>
            <translation>仅存在于一侧</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>冲突</translation>
        </message>
        <message>
            <source>collision</source>
            <translation>名称冲突</translation>
        </message>
        <message>
            <source>cannot sync</source>
            <translation>无法同步</translation>
        </message>
        <message>
            <source>Choice for {0}</source>
            <translation>{0} 的选择</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>Keep {0}</source>
            <translation>保留 {0}</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>两者都保留</translation>
        </message>
    </context>
    <context>
        <name>DragOut</name>
        <message>
            <source>Drag-out failed: {0}</source>
            <translation>拖出失败：{0}</translation>
        </message>
        <message>
            <source>Drag-out cancelled: no files were handed over.</source>
            <translation>已取消拖出：没有交付任何文件。</translation>
        </message>
        <message>
            <source>not finished</source>
            <translation>未完成</translation>
        </message>
        <message>
            <source>Dragged out {0} of {1}; not handed over: {2}: {3}</source>
            <translation>已拖出 {1} 项中的 {0} 项；未交付：{2}：{3}</translation>
        </message>
        <message>
            <source>Some objects were not dragged out</source>
            <translation>部分对象未能拖出</translation>
        </message>
        <message>
            <source>1 object could not be downloaded for the drop, so it was not handed over.</source>
            <translation>有 1 个对象无法为拖放下载，因此未交付。</translation>
        </message>
        <message>
            <source>{0} objects could not be downloaded for the drop, so they were not handed over.</source>
            <translation>有 {0} 个对象无法为拖放下载，因此未交付。</translation>
        </message>
        <message>
            <source>Dragged out {0}</source>
            <translation>已拖出 {0}</translation>
        </message>
    </context>
    <context>
        <name>EditSessions</name>
        <message>
            <source>Opening {0}…</source>
            <extracomment>Opens a local file with its application (tests replace it). Asks what to do after a conflict (tests script it).</extracomment>
            <translation>正在打开 {0}…</translation>
        </message>
        <message>
            <source>No application opens {0}; it is in {1}</source>
            <translation>没有可打开 {0} 的应用程序；文件位于 {1}</translation>
        </message>
        <message>
            <source>Opened {0}</source>
            <translation>已打开 {0}</translation>
        </message>
        <message>
            <source>Saving {0}…</source>
            <translation>正在保存 {0}…</translation>
        </message>
        <message>
            <source>Saved {0} to the bucket</source>
            <translation>已将 {0} 保存到存储桶</translation>
        </message>
        <message>
            <source>Could not save {0}: {1}. Your edit is kept in {2}</source>
            <translation>无法保存 {0}：{1}。您的修改保留在 {2} 中</translation>
        </message>
        <message>
            <source>Saved your edit as {0}</source>
            <translation>已将您的修改另存为 {0}</translation>
        </message>
        <message>
            <source>Discarded your edit of {0}</source>
            <translation>已放弃您对 {0} 的修改</translation>
        </message>
        <message>
            <source>Not saved: your edit is kept in {0}</source>
            <translation>未保存：您的修改保留在 {0} 中</translation>
        </message>
    </context>
    <context>
        <name>ElidedLabel</name>
        <message>
            <source>Click to read it in full.</source>
            <extracomment>Package data (in the wheel, the source tree and the frozen bundle alike).</extracomment>
            <translation>点击查看完整内容。</translation>
        </message>
        <message>
            <source>Latest status message</source>
            <translation>最新状态消息</translation>
        </message>
    </context>
    <context>
        <name>ErrorBridge</name>
        <message>
            <source>An unexpected error occurred; details are in the error dialog.</source>
            <extracomment>Tests turn dialogs off: modal exec() would block an offscreen run.</extracomment>
            <translation>发生意外错误；详情见错误对话框。</translation>
        </message>
    </context>
    <context>
        <name>ErrorView</name>
        <message>
            <source>Listing error</source>
            <translation>列出出错</translation>
        </message>
        <message>
            <source>What failed</source>
            <translation>失败内容</translation>
        </message>
        <message>
            <source>Error details</source>
            <translation>错误详情</translation>
        </message>
        <message>
            <source>What went wrong and what to do; select to copy</source>
            <translation>出了什么问题以及如何处理；可选中复制</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>重试(&amp;R)</translation>
        </message>
        <message>
            <source>List this folder again</source>
            <translation>重新列出此文件夹</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
    </context>
    <context>
        <name>ExpiryDialog</name>
        <message>
            <source>minutes</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>小时</translation>
        </message>
        <message>
            <source>days</source>
            <translation>天</translation>
        </message>
        <message>
            <source>Signed URL expiry</source>
            <translation>签名 URL 有效期</translation>
        </message>
        <message>
            <source>Valid &amp;for:</source>
            <translation>有效期(&amp;F)：</translation>
        </message>
        <message>
            <source>Expiry amount</source>
            <translation>有效时长</translation>
        </message>
        <message>
            <source>How long the link stays valid (at most 7 days)</source>
            <translation>链接的有效时长（最多 7 天）</translation>
        </message>
        <message>
            <source>Expiry unit</source>
            <translation>时长单位</translation>
        </message>
        <message>
            <source>Unit of the expiry</source>
            <translation>有效期的单位</translation>
        </message>
        <message>
            <source>R2 signs links for at most 7 days.</source>
            <translation>R2 签名链接的有效期最长为 7 天。</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <source>Files being edited</source>
            <translation>正在编辑的文件</translation>
        </message>
        <message>
            <source>Files open for editing: each save is uploaded. Click to stop watching one.</source>
            <translation>已打开编辑的文件：每次保存都会上传。点击可停止监视其中一个。</translation>
        </message>
        <message>
            <source>Editing 1 file</source>
            <translation>正在编辑 1 个文件</translation>
        </message>
        <message>
            <source>Editing {0} files</source>
            <translation>正在编辑 {0} 个文件</translation>
        </message>
        <message>
            <source>Stop watching {0}</source>
            <translation>停止监视 {0}</translation>
        </message>
        <message>
            <source>No files are being edited</source>
            <translation>没有正在编辑的文件</translation>
        </message>
    </context>
    <context>
        <name>LifecycleTab</name>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>On</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Prefix</source>
            <translation>前缀</translation>
        </message>
        <message>
            <source>Delete after (days)</source>
            <translation>多少天后删除</translation>
        </message>
        <message>
            <source>Delete on (date)</source>
            <translation>删除日期</translation>
        </message>
        <message>
            <source>Abort uploads (days)</source>
            <translation>中止上传（天）</translation>
        </message>
        <message>
            <source>To IA (days)</source>
            <translation>转为低频访问（天）</translation>
        </message>
        <message>
            <source>lifecycle rules</source>
            <translation>生命周期规则</translation>
        </message>
        <message>
            <source>R2's default rule: every bucket aborts unfinished multipart uploads after {0} days unless a rule here says otherwise.</source>
            <translation>R2 的默认规则：除非此处有规则另行规定，否则每个存储桶会在 {0} 天后中止未完成的分段上传。</translation>
        </message>
        <message>
            <source>At most {0} rules. </source>
            <translation>最多 {0} 条规则。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>r2desk</source>
            <translation>r2desk</translation>
        </message>
        <message>
            <source>r2desk main window</source>
            <translation>r2desk 主窗口</translation>
        </message>
        <message>
            <source>Transfers</source>
            <extracomment>Offer to move a plaintext secret into the keyring when an element opens (not in the demo, whose throwaway credentials live in a temporary folder). The transfer queue has had its first size (from the saved layout, or on first use). The browser's widgets, by the names the window has always had.</extracomment>
            <translation>传输</translation>
        </message>
        <message>
            <source>Transfers dock</source>
            <translation>传输面板</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>导航</translation>
        </message>
        <message>
            <source>Navigation toolbar</source>
            <translation>导航工具栏</translation>
        </message>
        <message>
            <source>&amp;Transfers</source>
            <translation>传输(&amp;T)</translation>
        </message>
        <message>
            <source>Status message</source>
            <translation>状态消息</translation>
        </message>
        <message>
            <source>Total transfer progress</source>
            <translation>传输总进度</translation>
        </message>
        <message>
            <source>Progress of all queued and running transfers</source>
            <translation>所有排队和进行中传输的进度</translation>
        </message>
        <message>
            <source>Transfers summary</source>
            <translation>传输概况</translation>
        </message>
        <message>
            <source>{0} is in {1}: open that connection to see it.</source>
            <translation>{0} 位于 {1}：请打开该连接查看。</translation>
        </message>
        <message>
            <source>Opening the demo in a new window…</source>
            <translation>正在新窗口中打开演示…</translation>
        </message>
        <message>
            <source>The demo could not be started ({0}).</source>
            <translation>无法启动演示（{0}）。</translation>
        </message>
        <message>
            <source>{0} — {1} — r2desk</source>
            <translation>{0} — {1} — r2desk</translation>
        </message>
        <message>
            <source>{0} running</source>
            <translation>{0} 个进行中</translation>
        </message>
        <message>
            <source>, {0} waiting</source>
            <translation>，{0} 个等待中</translation>
        </message>
        <message>
            <source>Transfers: {0} running, {1} waiting</source>
            <translation>传输：{0} 个进行中，{1} 个等待中</translation>
        </message>
        <message>
            <source>Quit r2desk?</source>
            <translation>退出 r2desk？</translation>
        </message>
        <message>
            <source>1 transfer is not finished. Quit and cancel it?</source>
            <translation>有 1 个传输尚未完成。要退出并取消它吗？</translation>
        </message>
        <message>
            <source>{0} transfers are not finished. Quit and cancel them?</source>
            <translation>有 {0} 个传输尚未完成。要退出并取消它们吗？</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>NameDialog</name>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Why the name cannot be used</source>
            <translation>此名称无法使用的原因</translation>
        </message>
        <message>
            <source>This name cannot be used: {0}.</source>
            <translation>无法使用此名称：{0}。</translation>
        </message>
    </context>
    <context>
        <name>ObjectCommands</name>
        <message>
            <source>Select one or more files to copy signed URLs.</source>
            <translation>请选择一个或多个文件以复制签名 URL。</translation>
        </message>
        <message>
            <source>{0} copied to the clipboard; valid until {1} ({2}).</source>
            <translation>{0} 已复制到剪贴板；有效期至 {1}（{2}）。</translation>
        </message>
        <message>
            <source>Upload files</source>
            <translation>上传文件</translation>
        </message>
        <message>
            <source>Upload a folder</source>
            <translation>上传文件夹</translation>
        </message>
        <message>
            <source>Choose a connection before uploading.</source>
            <translation>上传前请先选择一个连接。</translation>
        </message>
        <message>
            <source>Looking at the files to upload…</source>
            <translation>正在检查要上传的文件…</translation>
        </message>
        <message>
            <source>Some items cannot be uploaded</source>
            <translation>部分项目无法上传</translation>
        </message>
        <message>
            <source>; the other {0} files are queued.</source>
            <translation>；其余 {0} 个文件已加入队列。</translation>
        </message>
        <message>
            <source>No files to upload; {0} created.</source>
            <translation>没有要上传的文件；已创建 {0}。</translation>
        </message>
        <message>
            <source>the bucket root</source>
            <translation>存储桶根目录</translation>
        </message>
        <message>
            <source>Queued {0} ({1}) for upload to {2}, {3}{4}.</source>
            <translation>已将 {0}（{1}）加入上传到 {2} 的队列，{3}{4}。</translation>
        </message>
        <message>
            <source>Downloads finished; the last one is {0}.</source>
            <translation>下载已完成；最后一个是 {0}。</translation>
        </message>
        <message>
            <source>Download to folder</source>
            <translation>下载到文件夹</translation>
        </message>
        <message>
            <source>1 item</source>
            <translation>1 项</translation>
        </message>
        <message>
            <source>{0} items</source>
            <translation>{0} 项</translation>
        </message>
        <message>
            <source>Public URLs copied to the clipboard.</source>
            <translation>公开 URL 已复制到剪贴板。</translation>
        </message>
        <message>
            <source>Public URL copied to the clipboard.</source>
            <translation>公开 URL 已复制到剪贴板。</translation>
        </message>
        <message>
            <source>{0} cannot be uploaded: {1}</source>
            <translation>{0}无法上传：{1}</translation>
        </message>
        <message>
            <source>{0} cannot be uploaded</source>
            <translation>{0}无法上传</translation>
        </message>
        <message>
            <source>; {0} cannot be uploaded: {1}</source>
            <translation>；{0}无法上传：{1}</translation>
        </message>
        <message>
            <source>{0} refused: they cannot be written safely into {1} (e.g. {2!r} {3}).</source>
            <translation>{0}被拒绝：无法安全地写入 {1}（例如 {2!r} {3}）。</translation>
        </message>
        <message>
            <source>1 key</source>
            <translation>1 个键</translation>
        </message>
        <message>
            <source>{0} keys</source>
            <translation>{0} 个键</translation>
        </message>
        <message>
            <source>Queued {0} to {1}.</source>
            <translation>已将 {0} 加入队列，目标 {1}。</translation>
        </message>
        <message>
            <source>Download as</source>
            <translation>下载为</translation>
        </message>
        <message>
            <source>Queued the download of {0} to {1}.</source>
            <translation>已将 {0} 的下载加入队列，目标 {1}。</translation>
        </message>
        <message>
            <source>New folder</source>
            <translation>新建文件夹</translation>
        </message>
        <message>
            <source>Name of the new folder in /{0}:</source>
            <translation>在 /{0} 中新建文件夹的名称：</translation>
        </message>
        <message>
            <source>Folder {0} created.</source>
            <translation>已创建文件夹 {0}。</translation>
        </message>
        <message>
            <source>Rename / Move</source>
            <translation>重命名 / 移动</translation>
        </message>
        <message>
            <source>New name of '{0}' (a name with '/' moves it into that folder):</source>
            <translation>“{0}”的新名称（包含“/”的名称会将其移入该文件夹）：</translation>
        </message>
        <message>
            <source>Replace existing objects?</source>
            <translation>替换现有对象？</translation>
        </message>
        <message>
            <source>{0} at the target and would be replaced:
{1}</source>
            <translation>{0} 已在目标位置，将被替换：
{1}</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>替换</translation>
        </message>
        <message>
            <source>Nothing was moved.</source>
            <translation>没有移动任何内容。</translation>
        </message>
        <message>
            <source>Checking the target…</source>
            <translation>正在检查目标…</translation>
        </message>
        <message>
            <source>Moving…</source>
            <translation>正在移动…</translation>
        </message>
        <message>
            <source>This cannot be undone.</source>
            <translation>此操作无法撤销。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>{0} objects could not be deleted (e.g. {1}: {2} {3}).</source>
            <translation>{0} 个对象无法删除（例如 {1}：{2} {3}）。</translation>
        </message>
        <message>
            <source>Deleted {0}.</source>
            <translation>已删除 {0}。</translation>
        </message>
        <message>
            <source>Counting the objects in the selected folders…</source>
            <translation>正在统计所选文件夹中的对象…</translation>
        </message>
        <message>
            <source>Properties of {0} saved.</source>
            <translation>已保存 {0} 的属性。</translation>
        </message>
        <message>
            <source>1 object</source>
            <translation>1 个对象</translation>
        </message>
        <message>
            <source>{0} objects</source>
            <translation>{0} 个对象</translation>
        </message>
        <message>
            <source>1 file</source>
            <translation>1 个文件</translation>
        </message>
        <message>
            <source>{0} files</source>
            <translation>{0} 个文件</translation>
        </message>
        <message>
            <source>1 folder</source>
            <translation>1 个文件夹</translation>
        </message>
        <message>
            <source>{0} folders</source>
            <translation>{0} 个文件夹</translation>
        </message>
        <message>
            <source>1 empty folder</source>
            <translation>1 个空文件夹</translation>
        </message>
        <message>
            <source>{0} empty folders</source>
            <translation>{0} 个空文件夹</translation>
        </message>
        <message>
            <source>1 download</source>
            <translation>1 个下载</translation>
        </message>
        <message>
            <source>{0} downloads</source>
            <translation>{0} 个下载</translation>
        </message>
        <message>
            <source>1 write (Class A) request</source>
            <translation>1 次写入请求（A 类）</translation>
        </message>
        <message>
            <source>{0} write (Class A) requests</source>
            <translation>{0} 次写入请求（A 类）</translation>
        </message>
        <message>
            <source>Delete {0}?</source>
            <translation>删除 {0}？</translation>
        </message>
        <message>
            <source>Delete the empty folder {0}?</source>
            <translation>删除空文件夹 {0}？</translation>
        </message>
        <message>
            <source>Delete {0} and the {1} in it?</source>
            <translation>删除 {0} 及其中的 {1}？</translation>
        </message>
        <message>
            <source>{0} holding {1}</source>
            <translation>{0}，共含 {1}</translation>
        </message>
        <message>
            <source>Delete {0} ({1}{2})? That is {3} in all.</source>
            <translation>删除 {0}（{1}{2}）？共计 {3}。</translation>
        </message>
        <message>
            <source> and </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>ObjectGrid</name>
        <message>
            <source>Objects as icons</source>
            <translation>以图标显示的对象</translation>
        </message>
    </context>
    <context>
        <name>ObjectTableModel</name>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>修改时间</translation>
        </message>
        <message>
            <source>Storage class</source>
            <translation>存储类别</translation>
        </message>
    </context>
    <context>
        <name>ObjectView</name>
        <message>
            <source>Objects</source>
            <translation>对象</translation>
        </message>
    </context>
    <context>
        <name>Opening</name>
        <message>
            <source>No connection: add one with New connection…</source>
            <translation>没有连接：请通过“新建连接…”添加</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Connection not valid</source>
            <translation>连接无效</translation>
        </message>
        <message>
            <source>Secret moved into the keyring.</source>
            <translation>密钥已移入密钥环。</translation>
        </message>
    </context>
    <context>
        <name>PathBar</name>
        <message>
            <source>Path</source>
            <translation>路径</translation>
        </message>
        <message>
            <source>Breadcrumbs</source>
            <translation>路径导航</translation>
        </message>
        <message>
            <source>Path field</source>
            <translation>路径字段</translation>
        </message>
        <message>
            <source>Type a folder path in the bucket and press Enter (Escape cancels)</source>
            <translation>输入存储桶中的文件夹路径并按回车（Esc 取消）</translation>
        </message>
        <message>
            <source>folder/sub-folder/</source>
            <translation>folder/sub-folder/</translation>
        </message>
        <message>
            <source>Edit path</source>
            <translation>编辑路径</translation>
        </message>
        <message>
            <source>Type a path (Ctrl+L)</source>
            <translation>输入路径（Ctrl+L）</translation>
        </message>
        <message>
            <source>(no connection)</source>
            <translation>（无连接）</translation>
        </message>
        <message>
            <source>the bucket root</source>
            <translation>存储桶根目录</translation>
        </message>
        <message>
            <source>Go to {0}</source>
            <translation>转到 {0}</translation>
        </message>
    </context>
    <context>
        <name>Places</name>
        <message>
            <source>Boo&amp;kmark this folder</source>
            <translation>为此文件夹添加书签(&amp;K)</translation>
        </message>
        <message>
            <source>Add the folder you are in to the bookmarks (Ctrl+D)</source>
            <translation>将当前文件夹添加到书签（Ctrl+D）</translation>
        </message>
        <message>
            <source>&amp;Recent locations</source>
            <translation>最近位置(&amp;R)</translation>
        </message>
        <message>
            <source>{0} is no longer a connection here: it was deleted or renamed.</source>
            <translation>{0} 已不再是此处的连接：它已被删除或重命名。</translation>
        </message>
        <message>
            <source>Connection not found</source>
            <translation>未找到连接</translation>
        </message>
        <message>
            <source>The bookmark '{0}' is in the connection '{1}', which is no longer on this computer: it was deleted or renamed. Remove the bookmark? (To keep it, add a connection named '{1}' again.)</source>
            <translation>书签“{0}”属于连接“{1}”，但此计算机上已没有该连接：它已被删除或重命名。要移除该书签吗？（如要保留，请重新添加名为“{1}”的连接。）</translation>
        </message>
        <message>
            <source>Remove bookmark</source>
            <translation>移除书签</translation>
        </message>
        <message>
            <source>{0} is no longer there: showing {1}, the nearest folder that is.</source>
            <translation>{0} 已不存在：正在显示仍存在的最近文件夹 {1}。</translation>
        </message>
        <message>
            <source>Already bookmarked as '{0}'.</source>
            <translation>已作为“{0}”加入书签。</translation>
        </message>
        <message>
            <source>Bookmarked {0} as '{1}'.</source>
            <translation>已将 {0} 加入书签，名为“{1}”。</translation>
        </message>
        <message>
            <source>Rename bookmark</source>
            <translation>重命名书签</translation>
        </message>
        <message>
            <source>New name for the bookmark of {0}:</source>
            <translation>{0} 的书签的新名称：</translation>
        </message>
        <message>
            <source>Type a name</source>
            <translation>请输入名称</translation>
        </message>
        <message>
            <source>Bookmark '{0}' removed.</source>
            <translation>书签“{0}”已移除。</translation>
        </message>
        <message>
            <source>{0} (its connection {1} is no longer here)</source>
            <translation>{0}（其连接 {1} 已不在此处）</translation>
        </message>
        <message>
            <source>{0} in {1}</source>
            <translation>{1} 中的 {0}</translation>
        </message>
        <message>
            <source>No bookmarks yet</source>
            <translation>尚无书签</translation>
        </message>
        <message>
            <source>{0} — {1}</source>
            <translation>{0} — {1}</translation>
        </message>
        <message>
            <source>No recent locations</source>
            <translation>没有最近位置</translation>
        </message>
    </context>
    <context>
        <name>PreferencesActions</name>
        <message>
            <source>Pre&amp;ferences…</source>
            <translation>首选项(&amp;F)…</translation>
        </message>
        <message>
            <source>Transfers, bandwidth, cache, links, deleting and language ({0})</source>
            <translation>传输、带宽、缓存、链接、删除和语言（{0}）</translation>
        </message>
        <message>
            <source>Copy si&amp;gned URL ({0})</source>
            <translation>复制签名 URL（{0}）(&amp;G)</translation>
        </message>
        <message>
            <source>Copy a link valid for {0} (Ctrl+Shift+C)</source>
            <translation>复制有效期为 {0} 的链接（Ctrl+Shift+C）</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>首选项</translation>
        </message>
        <message>
            <source>Preference pages</source>
            <translation>首选项页面</translation>
        </message>
        <message>
            <source>&amp;Transfers</source>
            <translation>传输(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Files</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;General</source>
            <translation>常规(&amp;G)</translation>
        </message>
        <message>
            <source>Transfers at once</source>
            <translation>同时传输数</translation>
        </message>
        <message>
            <source>How many files are uploaded or downloaded at the same time</source>
            <translation>同时上传或下载的文件数</translation>
        </message>
        <message>
            <source>Transfers at o&amp;nce:</source>
            <translation>同时传输数(&amp;N)：</translation>
        </message>
        <message>
            <source>Parts of one big file at once</source>
            <translation>一个大文件同时传输的分块数</translation>
        </message>
        <message>
            <source>How many parts of one big file move at the same time (Automatic: 4, what suits most links; more can help a fast, distant one)</source>
            <translation>一个大文件同时传输多少个分块（自动：4，适合大多数连接；快速而远距离的连接可以设得更多）</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>&amp;Parts of one big file at once:</source>
            <translation>大文件同时分块数(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Upload limit:</source>
            <translation>上传限速(&amp;U)：</translation>
        </message>
        <message>
            <source>Upload limit</source>
            <translation>上传限速</translation>
        </message>
        <message>
            <source>&amp;Download limit:</source>
            <translation>下载限速(&amp;D)：</translation>
        </message>
        <message>
            <source>Download limit</source>
            <translation>下载限速</translation>
        </message>
        <message>
            <source>When an uploaded file is there already</source>
            <translation>上传的文件已存在时</translation>
        </message>
        <message>
            <source>What an upload does when an object with the same key exists</source>
            <translation>存在相同键的对象时上传如何处理</translation>
        </message>
        <message>
            <source>Overwrite it</source>
            <translation>覆盖</translation>
        </message>
        <message>
            <source>Ask: replace, keep both or skip</source>
            <translation>询问：替换、保留两者或跳过</translation>
        </message>
        <message>
            <source>Skip the file</source>
            <translation>跳过该文件</translation>
        </message>
        <message>
            <source>When the &amp;object exists:</source>
            <translation>对象已存在时(&amp;O)：</translation>
        </message>
        <message>
            <source>No limit (e.g. 500k, 10M)</source>
            <translation>不限速（例如 500k、10M）</translation>
        </message>
        <message>
            <source>Bytes per second for all transfers together: 500k, 10M, 1.5MiB/s; empty or 0 for no limit. Applies at once, to running transfers too.</source>
            <translation>所有传输合计的每秒字节数：500k、10M、1.5MiB/s；留空或 0 表示不限速。立即生效，包括正在进行的传输。</translation>
        </message>
        <message>
            <source>Why the limit cannot be used</source>
            <translation>为何无法使用此限速</translation>
        </message>
        <message>
            <source>Cache size limit</source>
            <translation>缓存大小上限</translation>
        </message>
        <message>
            <source>Copies opened with Open or Edit are removed, oldest first, beyond this size; files being edited and edits not yet uploaded are always kept</source>
            <translation>超过此大小时，通过“打开”或“编辑”获取的副本将从最旧的开始删除；正在编辑的文件和尚未上传的修改始终保留</translation>
        </message>
        <message>
            <source> MiB</source>
            <translation> MiB</translation>
        </message>
        <message>
            <source>Open/Edit &amp;cache size:</source>
            <translation>打开/编辑缓存大小(&amp;C)：</translation>
        </message>
        <message>
            <source>Cache folder</source>
            <translation>缓存文件夹</translation>
        </message>
        <message>
            <source>Where opened and edited files are kept (empty: the default folder)</source>
            <translation>打开和编辑的文件保存位置（留空：默认文件夹）</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>Choose the cache folder</source>
            <translation>选择缓存文件夹</translation>
        </message>
        <message>
            <source>Why the folder cannot be used</source>
            <translation>为何无法使用此文件夹</translation>
        </message>
        <message>
            <source>Cache f&amp;older:</source>
            <translation>缓存文件夹(&amp;O)：</translation>
        </message>
        <message>
            <source>Thumbnail size limit</source>
            <translation>缩略图大小上限</translation>
        </message>
        <message>
            <source>Objects larger than this get no thumbnail (they are never downloaded for one)</source>
            <translation>超过此大小的对象不生成缩略图（不会为此下载）</translation>
        </message>
        <message>
            <source>Thu&amp;mbnails up to:</source>
            <translation>缩略图上限(&amp;M)：</translation>
        </message>
        <message>
            <source>Signed URL expiry amount</source>
            <translation>签名 URL 有效期数值</translation>
        </message>
        <message>
            <source>How long a link copied with Copy signed URL (Ctrl+Shift+C) works</source>
            <translation>通过“复制签名 URL”（Ctrl+Shift+C）复制的链接的有效时长</translation>
        </message>
        <message>
            <source>Signed URL expiry unit</source>
            <translation>签名 URL 有效期单位</translation>
        </message>
        <message>
            <source>Unit of the expiry</source>
            <translation>有效期单位</translation>
        </message>
        <message>
            <source>Why the expiry cannot be used</source>
            <translation>为何无法使用此有效期</translation>
        </message>
        <message>
            <source>Signed URLs &amp;valid for:</source>
            <translation>签名 URL 有效期(&amp;V)：</translation>
        </message>
        <message>
            <source>As&amp;k before deleting</source>
            <translation>删除前询问(&amp;K)</translation>
        </message>
        <message>
            <source>Off: Delete removes the selected objects without asking</source>
            <translation>关闭：删除时不询问，直接删除所选对象</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>The language of r2desk's windows</source>
            <translation>r2desk 窗口的语言</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>系统语言</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <source>A new language is used the next time r2desk starts.</source>
            <translation>新语言将在下次启动 r2desk 时生效。</translation>
        </message>
        <message>
            <source>Not a rate: write bytes per second such as 500k, 10M or 1.5MiB/s, or leave it empty for no limit.</source>
            <translation>不是有效的速率：请填写每秒字节数，例如 500k、10M 或 1.5MiB/s，或留空表示不限速。</translation>
        </message>
        <message>
            <source>Write the folder's full path (or leave it empty for the default folder).</source>
            <translation>请填写文件夹的完整路径（或留空以使用默认文件夹）。</translation>
        </message>
        <message>
            <source>R2 signs links for at most 7 days.</source>
            <translation>R2 最多为链接签名 7 天。</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>Preview title</source>
            <translation>预览标题</translation>
        </message>
        <message>
            <source>Preview message</source>
            <translation>预览消息</translation>
        </message>
        <message>
            <source>Image preview</source>
            <translation>图片预览</translation>
        </message>
        <message>
            <source>Text preview</source>
            <translation>文本预览</translation>
        </message>
        <message>
            <source>The start of the object's text</source>
            <translation>对象文本的开头部分</translation>
        </message>
        <message>
            <source>Select an image or a text file to preview it.</source>
            <translation>选择图片或文本文件以预览。</translation>
        </message>
        <message>
            <source>A folder.</source>
            <translation>这是一个文件夹。</translation>
        </message>
        <message>
            <source>Loading preview…</source>
            <translation>正在加载预览…</translation>
        </message>
        <message>
            <source>No preview for this type of file.</source>
            <translation>此类型的文件无法预览。</translation>
        </message>
        <message>
            <source>No preview for this type: .{0} images cannot be shown by this build.</source>
            <translation>此类型无法预览：此版本无法显示 .{0} 图片。</translation>
        </message>
        <message>
            <source>Too large to preview ({0}; the limit is {1}).</source>
            <translation>文件太大，无法预览（{0}；上限为 {1}）。</translation>
        </message>
        <message>
            <source>{0} × {1} pixels</source>
            <translation>{0} × {1} 像素</translation>
        </message>
        <message>
            <source>The preview could not be loaded: {0}.</source>
            <translation>无法加载预览：{0}。</translation>
        </message>
    </context>
    <context>
        <name>Prompts</name>
        <message>
            <source>Replace file?</source>
            <translation>替换文件？</translation>
        </message>
        <message>
            <source>{0} already exists in {1}.</source>
            <translation>{0} 已存在于 {1} 中。</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>替换</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>两者都保留</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>Download over the existing file</source>
            <translation>下载并覆盖现有文件</translation>
        </message>
        <message>
            <source>Download beside it under a new name, e.g. name (2).txt</source>
            <translation>以新名称下载到旁边，例如 name (2).txt</translation>
        </message>
        <message>
            <source>Leave the existing file and do not download this one</source>
            <translation>保留现有文件，不下载此文件</translation>
        </message>
        <message>
            <source>Do the same for the other {0} existing files</source>
            <translation>对其余 {0} 个已存在的文件执行相同操作</translation>
        </message>
        <message>
            <source>Replace object?</source>
            <translation>替换对象？</translation>
        </message>
        <message>
            <source>Put it beside the existing one under a new name, e.g. name (2).txt</source>
            <translation>以新名称放在现有对象旁边，例如 name (2).txt</translation>
        </message>
        <message>
            <source>Do the same for the other {0} existing objects</source>
            <translation>对其余 {0} 个已存在的对象执行相同操作</translation>
        </message>
    </context>
    <context>
        <name>PropertiesDialog</name>
        <message>
            <source>Properties of {0}</source>
            <translation>{0} 的属性</translation>
        </message>
        <message>
            <source>Object properties</source>
            <translation>对象属性</translation>
        </message>
        <message>
            <source>{0} (read only)</source>
            <translation>{0}（只读）</translation>
        </message>
        <message>
            <source>Key:</source>
            <translation>键：</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>键</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>大小：</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Modified:</source>
            <translation>修改时间：</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>修改时间</translation>
        </message>
        <message>
            <source>ETag:</source>
            <translation>ETag：</translation>
        </message>
        <message>
            <source>ETag</source>
            <translation>ETag</translation>
        </message>
        <message>
            <source>Storage class:</source>
            <translation>存储类别：</translation>
        </message>
        <message>
            <source>Storage class</source>
            <translation>存储类别</translation>
        </message>
        <message>
            <source>Public URL:</source>
            <translation>公开 URL：</translation>
        </message>
        <message>
            <source>Public URL</source>
            <translation>公开 URL</translation>
        </message>
        <message>
            <source>Content type</source>
            <translation>内容类型</translation>
        </message>
        <message>
            <source>The Content-Type the object is served with</source>
            <translation>对象提供时使用的 Content-Type</translation>
        </message>
        <message>
            <source>Cache control</source>
            <translation>缓存控制</translation>
        </message>
        <message>
            <source>The Cache-Control header, e.g. max-age=3600</source>
            <translation>Cache-Control 标头，例如 max-age=3600</translation>
        </message>
        <message>
            <source>e.g. public, max-age=3600</source>
            <translation>例如 public, max-age=3600</translation>
        </message>
        <message>
            <source>Content &amp;type:</source>
            <translation>内容类型(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Cache control:</source>
            <translation>缓存控制(&amp;C)：</translation>
        </message>
        <message>
            <source>User &amp;metadata:</source>
            <translation>用户元数据(&amp;M)：</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>User metadata</source>
            <translation>用户元数据</translation>
        </message>
        <message>
            <source>x-amz-meta-* entries; double-click a cell to edit it</source>
            <translation>x-amz-meta-* 条目；双击单元格即可编辑</translation>
        </message>
        <message>
            <source>&amp;Add entry</source>
            <translation>添加条目(&amp;A)</translation>
        </message>
        <message>
            <source>Add a metadata entry</source>
            <translation>添加一个元数据条目</translation>
        </message>
        <message>
            <source>Add metadata entry</source>
            <translation>添加元数据条目</translation>
        </message>
        <message>
            <source>&amp;Remove entry</source>
            <translation>删除条目(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the selected metadata entries</source>
            <translation>删除所选的元数据条目</translation>
        </message>
        <message>
            <source>Remove metadata entry</source>
            <translation>删除元数据条目</translation>
        </message>
        <message>
            <source>Save the content type, cache control and metadata (rewrites the object's headers)</source>
            <translation>保存内容类型、缓存控制和元数据（会重写对象的标头）</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
    </context>
    <context>
        <name>ReadmeDialog</name>
        <message>
            <source>r2desk README</source>
            <translation>r2desk 自述文件</translation>
        </message>
        <message>
            <source>README</source>
            <translation>自述文件</translation>
        </message>
        <message>
            <source>README text</source>
            <translation>自述文件内容</translation>
        </message>
        <message>
            <source>The README is not part of this installation.</source>
            <translation>此安装中不包含自述文件。</translation>
        </message>
    </context>
    <context>
        <name>ResultModel</name>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>修改时间</translation>
        </message>
    </context>
    <context>
        <name>RulesTab</name>
        <message>
            <source>rules</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>&amp;Add rule</source>
            <translation>添加规则(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Remove rule</source>
            <translation>删除规则(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>The exact XML that Save sends:</source>
            <translation>“保存”将发送的确切 XML：</translation>
        </message>
        <message>
            <source>XML</source>
            <translation>XML</translation>
        </message>
        <message>
            <source>{0} {1} on {2}.</source>
            <translation>{2} 上有 {0} 条{1}。</translation>
        </message>
        <message>
            <source>No {0} on {1}.</source>
            <translation>{1} 上没有{0}。</translation>
        </message>
        <message>
            <source>Not supported by this server.</source>
            <translation>此服务器不支持。</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
    </context>
    <context>
        <name>SavedPairs</name>
        <message>
            <source>S&amp;ync pairs</source>
            <translation>同步对(&amp;Y)</translation>
        </message>
        <message>
            <source>Sync pairs</source>
            <translation>同步对</translation>
        </message>
        <message>
            <source>Folders and buckets synced before; double-click to sync again</source>
            <translation>之前同步过的文件夹和存储桶；双击可再次同步</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <source>any size</source>
            <extracomment>The most matches one search keeps (and shows); the scan stops there and says so. How often the worker hands a batch to the main thread (seconds), whatever the match rate.</extracomment>
            <translation>任意大小</translation>
        </message>
        <message>
            <source>under 1 MiB</source>
            <translation>小于 1 MiB</translation>
        </message>
        <message>
            <source>1 MiB to 100 MiB</source>
            <translation>1 MiB 至 100 MiB</translation>
        </message>
        <message>
            <source>over 100 MiB</source>
            <translation>大于 100 MiB</translation>
        </message>
        <message>
            <source>any time</source>
            <translation>任意时间</translation>
        </message>
        <message>
            <source>last 24 hours</source>
            <translation>最近 24 小时</translation>
        </message>
        <message>
            <source>last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <source>last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <source>last year</source>
            <translation>最近一年</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Search the bucket</source>
            <translation>搜索存储桶</translation>
        </message>
        <message>
            <source>Name, or a pattern such as *.jpg</source>
            <translation>名称或模式，例如 *.jpg</translation>
        </message>
        <message>
            <source>Search for</source>
            <translation>搜索内容</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>修改时间</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>In: {0}</source>
            <translation>位置：{0}</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>搜索状态</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <source>Download…</source>
            <translation>下载…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message>
            <source>{0} found in {1} scanned…</source>
            <translation>已扫描 {1} 个，找到 {0} 个…</translation>
        </message>
        <message>
            <source>{0} found in {1} objects</source>
            <translation>在 {1} 个对象中找到 {0} 个</translation>
        </message>
        <message>
            <source>(stopped at {0}: narrow the search)</source>
            <translation>（在 {0} 处停止：请缩小搜索范围）</translation>
        </message>
        <message>
            <source>Search stopped: {0}</source>
            <translation>搜索已停止：{0}</translation>
        </message>
    </context>
    <context>
        <name>SecretPlace</name>
        <message>
            <source>Checking the OS keyring…</source>
            <extracomment>The user picked (or the status preselected) another place.</extracomment>
            <translation>正在检查系统密钥环…</translation>
        </message>
        <message>
            <source>Keyring status</source>
            <translation>密钥环状态</translation>
        </message>
        <message>
            <source>Read it from {0} in the environment (nothing is saved)</source>
            <translation>从环境变量 {0} 读取（不保存任何内容）</translation>
        </message>
        <message>
            <source>Read the secret from the environment</source>
            <translation>从环境变量读取密钥</translation>
        </message>
        <message>
            <source>Leave the secret out of every file; r2desk reads {0} where it runs</source>
            <translation>密钥不写入任何文件；r2desk 在运行时读取 {0}</translation>
        </message>
        <message>
            <source>Keep it in PLAIN TEXT in this connection's file (anyone who can read your files can use it)</source>
            <translation>以明文形式保存在此连接的文件中（任何能读取您文件的人都能使用它）</translation>
        </message>
        <message>
            <source>Keep the secret in plain text</source>
            <translation>以明文保存密钥</translation>
        </message>
        <message>
            <source>The secret goes into the connection's config file (readable by you only); r2desk offers to move it into the keyring once one is available</source>
            <translation>密钥将写入此连接的配置文件（仅您可读）；一旦有可用的密钥环，r2desk 会提示将其移入密钥环</translation>
        </message>
        <message>
            <source>No OS keyring is available, so r2desk cannot keep the secret safely. Choose where it comes from instead:</source>
            <translation>没有可用的系统密钥环，因此 r2desk 无法安全地保存密钥。请改为选择密钥的来源：</translation>
        </message>
        <message>
            <source>The secret is kept in the OS keyring ({0}).</source>
            <translation>密钥保存在系统密钥环中（{0}）。</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Connections panel</source>
            <extracomment>The location to browse: an element's name, or ``name@bucket`` for another bucket of it ("" when none is left).</extracomment>
            <translation>连接面板</translation>
        </message>
        <message>
            <source>&amp;Connections</source>
            <translation>连接(&amp;C)</translation>
        </message>
        <message>
            <source>Connections</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>Your storage connections; choose one to browse its bucket, expand it to see its other buckets; drop objects on one to copy them there</source>
            <translation>您的存储连接；选择一个可浏览其存储桶，展开可查看其他存储桶；将对象拖放到某个连接上即可复制到那里</translation>
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
            <source>Duplicate…</source>
            <translation>复制…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Delete connection</source>
            <translation>删除连接</translation>
        </message>
        <message>
            <source>Remove the connection '{0}' from this computer? Its secret is removed from the keyring; the bucket and its objects are not touched.</source>
            <translation>从此计算机移除连接“{0}”？其密钥将从密钥环中删除；存储桶及其中的对象不受影响。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Connection '{0}' removed.</source>
            <translation>已移除连接“{0}”。</translation>
        </message>
    </context>
    <context>
        <name>StorageClassActions</name>
        <message>
            <source>Infrequent Access bills each object for at least 30 days of storage (deleting or moving it back sooner still costs the 30 days) and charges a fee per GB read back.</source>
            <extracomment>The core's Infrequent Access terms (r2desk.storages.bucket_rules.IA_TERMS), written out here so Qt Linguist sees them; a test keeps the two the same.</extracomment>
            <translation>低频访问对每个对象至少按 30 天存储计费（提前删除或移回仍按 30 天计费），并按读取的每 GB 收费。</translation>
        </message>
        <message>
            <source>Storage c&amp;lass</source>
            <translation>存储类别(&amp;L)</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>标准</translation>
        </message>
        <message>
            <source>Infrequent Access (30-day minimum)</source>
            <translation>低频访问（最少 30 天）</translation>
        </message>
        <message>
            <source>1 object</source>
            <translation>1 个对象</translation>
        </message>
        <message>
            <source>{0} objects</source>
            <translation>{0} 个对象</translation>
        </message>
        <message>
            <source>Move to Infrequent Access</source>
            <translation>移至低频访问</translation>
        </message>
        <message>
            <source>Move {0} to Infrequent Access? {1}</source>
            <translation>将 {0} 移至低频访问？{1}</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>移动</translation>
        </message>
        <message>
            <source>Changing the storage class of {0}…</source>
            <translation>正在更改 {0} 的存储类别…</translation>
        </message>
        <message>
            <source>{0} object(s) now {1}.</source>
            <translation>{0} 个对象现在为 {1}。</translation>
        </message>
    </context>
    <context>
        <name>SyncActions</name>
        <message>
            <source>S&amp;ynchronize…</source>
            <translation>同步(&amp;Y)…</translation>
        </message>
        <message>
            <source>Sync a local folder and a bucket prefix, or two prefixes</source>
            <translation>同步本地文件夹与存储桶前缀，或两个前缀</translation>
        </message>
        <message>
            <source>&amp;Compare…</source>
            <translation>比较(&amp;C)…</translation>
        </message>
        <message>
            <source>Show what differs between two places; change nothing</source>
            <translation>显示两个位置之间的差异；不做任何更改</translation>
        </message>
        <message>
            <source>&amp;Sync</source>
            <translation>同步(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>SyncDialog</name>
        <message>
            <source>Compare</source>
            <translation>比较</translation>
        </message>
        <message>
            <source>Synchronize</source>
            <translation>同步</translation>
        </message>
        <message>
            <source>&amp;Source:</source>
            <translation>源(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Target:</source>
            <translation>目标(&amp;T)：</translation>
        </message>
        <message>
            <source>Source → target (one-way)</source>
            <translation>源 → 目标（单向）</translation>
        </message>
        <message>
            <source>Both ways (two-way)</source>
            <translation>双向</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <source>Two-way remembers the last sync, so a deletion on one side is not undone</source>
            <translation>双向同步会记住上次同步，因此一侧的删除不会被撤销</translation>
        </message>
        <message>
            <source>&amp;Direction:</source>
            <translation>方向(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Delete what the source does not have</source>
            <translation>删除源中没有的内容(&amp;D)</translation>
        </message>
        <message>
            <source>One-way: remove files of the target the source lacks</source>
            <translation>单向：删除目标中源没有的文件</translation>
        </message>
        <message>
            <source>Compare &amp;checksums (slower, ignores times)</source>
            <translation>比较校验和(&amp;C)（较慢，忽略时间）</translation>
        </message>
        <message>
            <source>Ask me</source>
            <translation>询问我</translation>
        </message>
        <message>
            <source>Newer wins</source>
            <translation>较新者优先</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>两者都保留</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>When both sides changed</source>
            <translation>两侧都已更改时</translation>
        </message>
        <message>
            <source>When &amp;both changed:</source>
            <translation>两侧都更改时(&amp;B)：</translation>
        </message>
        <message>
            <source>Sync status</source>
            <translation>同步状态</translation>
        </message>
        <message>
            <source>Sync progress</source>
            <translation>同步进度</translation>
        </message>
        <message>
            <source>&amp;Compare</source>
            <translation>比较(&amp;C)</translation>
        </message>
        <message>
            <source>Show what differs; nothing is changed</source>
            <translation>显示差异；不做任何更改</translation>
        </message>
        <message>
            <source>S&amp;ynchronize</source>
            <translation>同步(&amp;Y)</translation>
        </message>
        <message>
            <source>Carry out the checked items</source>
            <translation>执行已勾选的项目</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>停止(&amp;T)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>a local folder, or ELEMENT[@bucket]:prefix</source>
            <translation>本地文件夹，或 ELEMENT[@bucket]:prefix</translation>
        </message>
        <message>
            <source>Folder…</source>
            <translation>文件夹…</translation>
        </message>
        <message>
            <source>Choose a local folder</source>
            <translation>选择本地文件夹</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>选择文件夹</translation>
        </message>
        <message>
            <source>source</source>
            <translation>源</translation>
        </message>
        <message>
            <source>target</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Comparing…</source>
            <translation>正在比较…</translation>
        </message>
        <message>
            <source>{0} to copy</source>
            <translation>{0} 个待复制</translation>
        </message>
        <message>
            <source>{0} to delete</source>
            <translation>{0} 个待删除</translation>
        </message>
        <message>
            <source>{0} conflicts</source>
            <translation>{0} 个冲突</translation>
        </message>
        <message>
            <source>{0} the same</source>
            <translation>{0} 个相同</translation>
        </message>
        <message>
            <source>{0} cannot be synced (see why)</source>
            <translation>{0} 个无法同步（查看原因）</translation>
        </message>
        <message>
            <source>Both sides hold the same files.</source>
            <translation>两侧的文件相同。</translation>
        </message>
        <message>
            <source>Synchronizing…</source>
            <translation>正在同步…</translation>
        </message>
        <message>
            <source>Done: {0} items carried out.</source>
            <translation>完成：已执行 {0} 项。</translation>
        </message>
        <message>
            <source>{0} failed; first: {1}</source>
            <translation>{0} 项失败；第一个：{1}</translation>
        </message>
        <message>
            <source>Something went wrong: {0}</source>
            <translation>出错了：{0}</translation>
        </message>
    </context>
    <context>
        <name>TransferPanel</name>
        <message>
            <source>Transfer queue</source>
            <extracomment>Show a transfer's object in the listing (its element and key). Asks before something that cannot be undone: (title, text, action) -&gt; yes.</extracomment>
            <translation>传输队列</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Pause the queue (running transfers stop and wait)</source>
            <translation>暂停队列（进行中的传输会停下并等待）</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancel the selected transfers (all unfinished ones when none is selected)</source>
            <translation>取消所选传输（未选择时取消所有未完成的传输）</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Retry the selected failed or cancelled transfers (all of them when none is selected)</source>
            <translation>重试所选的失败或已取消的传输（未选择时重试全部）</translation>
        </message>
        <message>
            <source>Clear finished</source>
            <translation>清除已完成</translation>
        </message>
        <message>
            <source>Remove done, failed and cancelled transfers from the list</source>
            <translation>从列表中移除已完成、失败和已取消的传输</translation>
        </message>
        <message>
            <source>&amp;At once:</source>
            <translation>同时进行(&amp;A)：</translation>
        </message>
        <message>
            <source>How many transfers run at the same time</source>
            <translation>同时运行的传输数量</translation>
        </message>
        <message>
            <source>Transfers at once</source>
            <translation>同时传输数</translation>
        </message>
        <message>
            <source>Transfers</source>
            <translation>传输</translation>
        </message>
        <message>
            <source>Uploads and downloads; select rows to cancel or retry them</source>
            <translation>上传和下载；选择行即可取消或重试</translation>
        </message>
        <message>
            <source>{0} ({1})</source>
            <translation>{0}（{1}）</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>暂停(&amp;P)</translation>
        </message>
        <message>
            <source>Pause the selected transfers, or the whole queue</source>
            <translation>暂停所选传输，或整个队列</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>继续(&amp;R)</translation>
        </message>
        <message>
            <source>Resume the selected transfers, or the whole queue</source>
            <translation>继续所选传输，或整个队列</translation>
        </message>
        <message>
            <source>&amp;Cancel…</source>
            <translation>取消(&amp;C)…</translation>
        </message>
        <message>
            <source>Cancel the selected transfers (all unfinished ones, after asking, when none is selected)</source>
            <translation>取消所选传输（未选择时，确认后取消所有未完成的传输）</translation>
        </message>
        <message>
            <source>Re&amp;try</source>
            <translation>重试(&amp;T)</translation>
        </message>
        <message>
            <source>C&amp;lear finished</source>
            <translation>清除已完成(&amp;L)</translation>
        </message>
        <message>
            <source>Show in &amp;listing</source>
            <translation>在列表中显示(&amp;L)</translation>
        </message>
        <message>
            <source>Go to the selected transfer's object in the listing (or double-click it)</source>
            <translation>在列表中转到所选传输的对象（或双击）</translation>
        </message>
        <message>
            <source>Open local &amp;folder</source>
            <translation>打开本地文件夹(&amp;F)</translation>
        </message>
        <message>
            <source>Open the folder of the selected transfer's local file in the file manager</source>
            <translation>在文件管理器中打开所选传输的本地文件所在的文件夹</translation>
        </message>
        <message>
            <source>Cancel transfers?</source>
            <translation>取消传输？</translation>
        </message>
        <message>
            <source>Nothing is selected: cancel {0}?</source>
            <translation>未选择任何内容：取消{0}？</translation>
        </message>
        <message>
            <source>Cancel all</source>
            <translation>全部取消</translation>
        </message>
        <message>
            <source>Resume the queue</source>
            <translation>继续队列</translation>
        </message>
        <message>
            <source>Bandwidth limit</source>
            <translation>带宽限制</translation>
        </message>
        <message>
            <source>↑ {0}</source>
            <translation>↑ {0}</translation>
        </message>
        <message>
            <source>↓ {0}</source>
            <translation>↓ {0}</translation>
        </message>
        <message>
            <source>Limit: {0}</source>
            <translation>限速：{0}</translation>
        </message>
        <message>
            <source>Bandwidth limit of all transfers (Edit → Preferences)</source>
            <translation>所有传输的带宽限制（编辑 → 首选项）</translation>
        </message>
    </context>
    <context>
        <name>TransferQueue</name>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <source>ETA</source>
            <translation>剩余时间</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>UnfinishedUploadsDialog</name>
        <message>
            <source>Key</source>
            <translation>键</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>已存在</translation>
        </message>
        <message>
            <source>Parts</source>
            <translation>分段</translation>
        </message>
        <message>
            <source>Uploaded</source>
            <translation>已上传</translation>
        </message>
        <message>
            <source>Resumable from</source>
            <translation>可从此处继续</translation>
        </message>
        <message>
            <source>Expires in</source>
            <translation>过期时间</translation>
        </message>
        <message>
            <source>Unfinished uploads: {0}</source>
            <translation>未完成的上传：{0}</translation>
        </message>
        <message>
            <source>Parts of an unfinished upload are stored (and billed) until it is completed or aborted. R2 aborts them after 7 days unless a lifecycle rule says otherwise.</source>
            <translation>未完成上传的分段会一直被存储（并计费），直到上传完成或被中止。除非生命周期规则另行规定，R2 会在 7 天后中止它们。</translation>
        </message>
        <message>
            <source>Unfinished uploads</source>
            <translation>未完成的上传</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>刷新(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>继续(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Abort</source>
            <translation>中止(&amp;A)</translation>
        </message>
        <message>
            <source>Abort &amp;older than</source>
            <translation>中止早于此时间的(&amp;O)</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <source>Reading the unfinished uploads…</source>
            <translation>正在读取未完成的上传…</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source>no (not from this computer)</source>
            <translation>否（不是从此计算机上传的）</translation>
        </message>
        <message>
            <source>{0} unfinished upload(s).</source>
            <translation>{0} 个未完成的上传。</translation>
        </message>
        <message>
            <source>No unfinished uploads in {0}.</source>
            <translation>{0} 中没有未完成的上传。</translation>
        </message>
        <message>
            <source>Resuming {0} from {1}…</source>
            <translation>正在从 {1} 继续上传 {0}…</translation>
        </message>
        <message>
            <source>Finished {0} ({1}).</source>
            <translation>已完成 {0}（{1}）。</translation>
        </message>
        <message>
            <source>Aborted {0} unfinished upload(s).</source>
            <translation>已中止 {0} 个未完成的上传。</translation>
        </message>
    </context>
    <context>
        <name>UploadConflicts</name>
        <message>
            <source>Looking for files that are there already…</source>
            <translation>正在查找已存在的文件…</translation>
        </message>
        <message>
            <source>Skipped 1 file that is there already.</source>
            <translation>已跳过 1 个已存在的文件。</translation>
        </message>
        <message>
            <source>Skipped {0} files that are there already.</source>
            <translation>已跳过 {0} 个已存在的文件。</translation>
        </message>
    </context>
    <context>
        <name>WelcomeView</name>
        <message>
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <source>Welcome to r2desk</source>
            <translation>欢迎使用 r2desk</translation>
        </message>
        <message>
            <source>r2desk is a file manager for Cloudflare R2 and other S3-compatible storage: browse buckets, drag files in to upload, download, share links.</source>
            <translation>r2desk 是适用于 Cloudflare R2 及其他 S3 兼容存储的文件管理器：浏览存储桶、拖入文件上传、下载、分享链接。</translation>
        </message>
        <message>
            <source>&amp;Add a connection…</source>
            <translation>添加连接(&amp;A)…</translation>
        </message>
        <message>
            <source>Enter the endpoint, bucket and keys of your storage</source>
            <translation>输入存储的端点、存储桶和密钥</translation>
        </message>
        <message>
            <source>Add a connection</source>
            <translation>添加连接</translation>
        </message>
        <message>
            <source>Open the &amp;demo</source>
            <translation>打开演示(&amp;D)</translation>
        </message>
        <message>
            <source>Try r2desk on a local demo bucket with sample files (no account needed)</source>
            <translation>在带有示例文件的本地演示存储桶上试用 r2desk（无需账户）</translation>
        </message>
        <message>
            <source>Open the demo</source>
            <translation>打开演示</translation>
        </message>
    </context>
    <context>
        <name>WindowActions</name>
        <message>
            <source>&amp;Back</source>
            <extracomment>The expiry submenu of "Copy signed URL" (seconds); "Custom…" asks for up to 7 days. The styles' plain black arrows: drawn in the palette's text colour so they show on a dark one.</extracomment>
            <translation>后退(&amp;B)</translation>
        </message>
        <message>
            <source>Go back (Alt+Left)</source>
            <translation>后退（Alt+Left）</translation>
        </message>
        <message>
            <source>&amp;Forward</source>
            <translation>前进(&amp;F)</translation>
        </message>
        <message>
            <source>Go forward (Alt+Right)</source>
            <translation>前进（Alt+Right）</translation>
        </message>
        <message>
            <source>&amp;Up</source>
            <translation>上级(&amp;U)</translation>
        </message>
        <message>
            <source>Go to the parent folder (Backspace, Alt+Up)</source>
            <translation>转到上级文件夹（Backspace，Alt+Up）</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>List this folder again (F5)</source>
            <translation>重新列出此文件夹（F5）</translation>
        </message>
        <message>
            <source>Edit &amp;path</source>
            <translation>编辑路径(&amp;P)</translation>
        </message>
        <message>
            <source>Type a path (Ctrl+L)</source>
            <translation>输入路径（Ctrl+L）</translation>
        </message>
        <message>
            <source>&amp;Filter</source>
            <translation>筛选(&amp;F)</translation>
        </message>
        <message>
            <source>Filter the listing by name (Ctrl+F)</source>
            <translation>按名称筛选列表（Ctrl+F）</translation>
        </message>
        <message>
            <source>&amp;New folder…</source>
            <translation>新建文件夹(&amp;N)…</translation>
        </message>
        <message>
            <source>Create a folder here (Ctrl+Shift+N)</source>
            <translation>在此处新建文件夹（Ctrl+Shift+N）</translation>
        </message>
        <message>
            <source>Upload &amp;files…</source>
            <translation>上传文件(&amp;F)…</translation>
        </message>
        <message>
            <source>Choose files to upload here (Ctrl+U)</source>
            <translation>选择要上传到此处的文件（Ctrl+U）</translation>
        </message>
        <message>
            <source>Upload f&amp;older…</source>
            <translation>上传文件夹(&amp;O)…</translation>
        </message>
        <message>
            <source>Choose a folder to upload here, with its sub-folders</source>
            <translation>选择要上传到此处的文件夹（包括子文件夹）</translation>
        </message>
        <message>
            <source>&amp;Download…</source>
            <translation>下载(&amp;D)…</translation>
        </message>
        <message>
            <source>Download the selected files and folders (Ctrl+Shift+D)</source>
            <translation>下载所选的文件和文件夹（Ctrl+Shift+D）</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <source>Open the folder, or the file with its application (Enter)</source>
            <translation>打开文件夹，或用关联的应用程序打开文件（回车）</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>Copy the selected objects and folders (Ctrl+C)</source>
            <translation>复制所选对象和文件夹 (Ctrl+C)</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>剪切(&amp;T)</translation>
        </message>
        <message>
            <source>Cut the selected objects and folders, to move them (Ctrl+X)</source>
            <translation>剪切所选对象和文件夹以便移动 (Ctrl+X)</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>粘贴(&amp;P)</translation>
        </message>
        <message>
            <source>Paste copied objects, or files copied in your file manager, into this folder (Ctrl+V)</source>
            <translation>将复制的对象或在文件管理器中复制的文件粘贴到此文件夹 (Ctrl+V)</translation>
        </message>
        <message>
            <source>&amp;Edit in place</source>
            <translation>就地编辑(&amp;E)</translation>
        </message>
        <message>
            <source>Open the file for editing: each save is uploaded back (Ctrl+E)</source>
            <translation>打开文件进行编辑：每次保存都会上传回去（Ctrl+E）</translation>
        </message>
        <message>
            <source>&amp;Search…</source>
            <translation>搜索(&amp;S)…</translation>
        </message>
        <message>
            <source>Search the whole bucket below this folder (Ctrl+Shift+F)</source>
            <translation>搜索此文件夹下的整个存储桶（Ctrl+Shift+F）</translation>
        </message>
        <message>
            <source>Rena&amp;me / Move…</source>
            <translation>重命名 / 移动(&amp;M)…</translation>
        </message>
        <message>
            <source>Rename or move the selected object or folder (F2)</source>
            <translation>重命名或移动所选对象或文件夹（F2）</translation>
        </message>
        <message>
            <source>De&amp;lete…</source>
            <translation>删除(&amp;L)…</translation>
        </message>
        <message>
            <source>Delete the selected objects and folders (Del)</source>
            <translation>删除所选对象和文件夹（Del）</translation>
        </message>
        <message>
            <source>Proper&amp;ties…</source>
            <translation>属性(&amp;T)…</translation>
        </message>
        <message>
            <source>Show and edit the object's properties (Alt+Enter)</source>
            <translation>显示并编辑对象的属性（Alt+Enter）</translation>
        </message>
        <message>
            <source>Copy p&amp;ublic URL</source>
            <translation>复制公开 URL(&amp;U)</translation>
        </message>
        <message>
            <source>Copy the public URL (needs the connection's public base URL)</source>
            <translation>复制公开 URL（需要连接的公开基础 URL）</translation>
        </message>
        <message>
            <source>Copy si&amp;gned URL (1 hour)</source>
            <translation>复制签名 URL（1 小时）(&amp;G)</translation>
        </message>
        <message>
            <source>Copy a link valid for 1 hour (Ctrl+Shift+C)</source>
            <translation>复制有效期为 1 小时的链接（Ctrl+Shift+C）</translation>
        </message>
        <message>
            <source>Copy si&amp;gned URL</source>
            <extracomment>"Storage class" for selected files (``gui/buckets/storage_class``), set by the window.</extracomment>
            <translation>复制签名 URL(&amp;G)</translation>
        </message>
        <message>
            <source>Copy a presigned link that works without credentials</source>
            <translation>复制无需凭据即可使用的预签名链接</translation>
        </message>
        <message>
            <source>Valid for {0}</source>
            <translation>有效期 {0}</translation>
        </message>
        <message>
            <source>Copy a link that stops working after {0}</source>
            <translation>复制一个在 {0} 后失效的链接</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>自定义…</translation>
        </message>
        <message>
            <source>Choose how long the link works (at most 7 days)</source>
            <translation>选择链接的有效时长（最多 7 天）</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>全选(&amp;A)</translation>
        </message>
        <message>
            <source>Select every listed entry</source>
            <translation>选择所有列出的条目</translation>
        </message>
        <message>
            <source>&amp;New connection…</source>
            <translation>新建连接(&amp;N)…</translation>
        </message>
        <message>
            <source>Add a storage connection</source>
            <translation>添加存储连接</translation>
        </message>
        <message>
            <source>&amp;Edit connection…</source>
            <translation>编辑连接(&amp;E)…</translation>
        </message>
        <message>
            <source>Edit the selected connection</source>
            <translation>编辑所选连接</translation>
        </message>
        <message>
            <source>D&amp;uplicate connection…</source>
            <translation>复制连接(&amp;U)…</translation>
        </message>
        <message>
            <source>Copy the selected connection</source>
            <translation>复制所选连接</translation>
        </message>
        <message>
            <source>Delete co&amp;nnection…</source>
            <translation>删除连接(&amp;N)…</translation>
        </message>
        <message>
            <source>Remove the selected connection</source>
            <translation>移除所选连接</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Quit r2desk (Ctrl+Q)</source>
            <translation>退出 r2desk（Ctrl+Q）</translation>
        </message>
        <message>
            <source>&amp;About r2desk</source>
            <translation>关于 r2desk(&amp;A)</translation>
        </message>
        <message>
            <source>Version, licence, and where r2desk keeps its settings and logs</source>
            <translation>版本、许可证，以及 r2desk 保存设置和日志的位置</translation>
        </message>
        <message>
            <source>&amp;README</source>
            <translation>自述文件(&amp;R)</translation>
        </message>
        <message>
            <source>How to use r2desk (F1)</source>
            <translation>如何使用 r2desk（F1）</translation>
        </message>
        <message>
            <source>&amp;Preview pane</source>
            <translation>预览面板(&amp;P)</translation>
        </message>
        <message>
            <source>Show or hide the preview pane (F3)</source>
            <translation>显示或隐藏预览面板（F3）</translation>
        </message>
        <message>
            <source>Sort names in &amp;byte order</source>
            <translation>按字节顺序排列名称(&amp;B)</translation>
        </message>
        <message>
            <source>Order names as the store does (by UTF-8 bytes: 'B' before 'a', 'file10' before 'file2') instead of the natural order</source>
            <translation>按存储的方式排列名称（按 UTF-8 字节：“B”在“a”之前，“file10”在“file2”之前），而不是自然顺序</translation>
        </message>
        <message>
            <source>&amp;Icons</source>
            <translation>图标(&amp;I)</translation>
        </message>
        <message>
            <source>Show the folder as a grid of icons and thumbnails (Ctrl+1)</source>
            <translation>以图标和缩略图网格显示文件夹 (Ctrl+1)</translation>
        </message>
        <message>
            <source>&amp;Details</source>
            <translation>详细信息(&amp;D)</translation>
        </message>
        <message>
            <source>Show the folder as a table of names, sizes and dates (Ctrl+2)</source>
            <translation>以名称、大小和日期表格显示文件夹 (Ctrl+2)</translation>
        </message>
        <message>
            <source>T&amp;humbnails in list</source>
            <translation>列表中的缩略图(&amp;H)</translation>
        </message>
        <message>
            <source>Show small thumbnails of images in the details table too</source>
            <translation>在详细信息表格中也显示图片的小缩略图</translation>
        </message>
        <message>
            <source>The connection editor is not available in this build</source>
            <extracomment>The connection editor ships in this build (the sidebar's buttons need it).</extracomment>
            <translation>此版本中不提供连接编辑器</translation>
        </message>
        <message>
            <source>&amp;Transfers</source>
            <translation>传输(&amp;T)</translation>
        </message>
        <message>
            <source>Show or hide the transfer queue (Ctrl+T)</source>
            <translation>显示或隐藏传输队列（Ctrl+T）</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
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
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>r2desk (demo)</source>
            <extracomment>Threads of the app's pool: transfers (their own limit) plus listings, previews and edits.</extracomment>
            <translation>r2desk（演示）</translation>
        </message>
        <message>
            <source>Preparing the demo…</source>
            <translation>正在准备演示…</translation>
        </message>
        <message>
            <source>Starting a local S3-compatible server inside r2desk and filling a demo bucket with sample files. Nothing here touches your account or the internet.</source>
            <translation>正在 r2desk 内启动本地 S3 兼容服务器，并向演示存储桶填入示例文件。这些操作不会涉及您的账户或互联网。</translation>
        </message>
        <message>
            <source>The demo could not be started</source>
            <translation>无法启动演示</translation>
        </message>
    </context>
    <context>
        <name>box</name>
        <message>
            <source>Changed on the server</source>
            <extracomment>Quiet time after the last change before a save is uploaded.</extracomment>
            <translation>已在服务器上更改</translation>
        </message>
        <message>
            <source>“{0}” was deleted on the server since you opened it.</source>
            <translation>自您打开以来，“{0}”已在服务器上被删除。</translation>
        </message>
        <message>
            <source>“{0}” was changed on the server since you opened it.</source>
            <translation>自您打开以来，“{0}”已在服务器上被更改。</translation>
        </message>
        <message>
            <source>Your edit is kept in {0}. Replace the server's version with yours?</source>
            <translation>您的修改保留在 {0} 中。要用您的版本替换服务器上的版本吗？</translation>
        </message>
        <message>
            <source>Overwrite</source>
            <translation>覆盖</translation>
        </message>
        <message>
            <source>Save as a copy</source>
            <translation>另存为副本</translation>
        </message>
        <message>
            <source>Discard my edit</source>
            <translation>放弃我的修改</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>继续编辑</translation>
        </message>
    </context>
    <context>
        <name>keyring</name>
        <message>
            <source>Move the secret into the keyring?</source>
            <translation>将密钥移入密钥环？</translation>
        </message>
        <message>
            <source>The connection {0} keeps its secret access key in plain text in
{1}

Anyone who can read that file can use your bucket. Move the secret into the OS keyring? The file keeps everything else.</source>
            <translation>连接 {0} 以明文形式将秘密访问密钥保存在
{1}

任何能读取该文件的人都能使用您的存储桶。要将密钥移入系统密钥环吗？文件中的其他内容保持不变。</translation>
        </message>
        <message>
            <source>Move to keyring</source>
            <translation>移入密钥环</translation>
        </message>
        <message>
            <source>Store the secret in the OS keyring and remove it from the config file</source>
            <translation>将密钥保存到系统密钥环，并从配置文件中删除</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>以后再说</translation>
        </message>
        <message>
            <source>Keep the secret in the file for now; you will be asked again next time</source>
            <translation>暂时将密钥保留在文件中；下次会再次询问</translation>
        </message>
        <message>
            <source>Don't ask again for this connection</source>
            <translation>不再针对此连接询问</translation>
        </message>
        <message>
            <source>Remember this answer for this connection</source>
            <translation>为此连接记住此选择</translation>
        </message>
        <message>
            <source>The secret was not moved</source>
            <translation>密钥未被移动</translation>
        </message>
        <message>
            <source>{0}

The connection keeps working with the secret in its file.</source>
            <translation>{0}

此连接将继续使用其文件中的密钥。</translation>
        </message>
    </context>
</TS>
