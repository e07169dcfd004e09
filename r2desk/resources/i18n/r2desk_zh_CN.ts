<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Delete {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the empty folder {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {0} and the {1} in it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {0} ({1}{2})? That is {3} in all.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About r2desk</source>
        <extracomment>The README beside the package in a source tree (an installed copy reads its metadata).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop file manager for Cloudflare R2 and other S3-compatible storage. Free software under the MIT licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in memory (this session only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (select to copy)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Browser</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <extracomment>Listing failures that mean the connection itself does not work.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only entries whose name contains this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects in this folder: drop files here to upload them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries listed in this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected entries and their total size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State of the current connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> so far; sorted as loaded (scroll for more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} shown of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {0} in files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BucketBranch</name>
    <message>
        <source>Listing buckets…</source>
        <extracomment>Item data: the location to browse (&quot;storages.X&quot; or &quot;storages.X@bucket&quot;), the kind, the bucket.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection&apos;s own bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another bucket of this connection (same endpoint and keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token may not list other buckets: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished uploads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this bucket as its own connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty bucket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete bucket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New bucket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket {0} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the empty bucket {0}? A bucket that holds objects is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket {0} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} objects ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket {0} holds {1}. Everything in it is deleted, and its unfinished uploads are aborted. Type the bucket&apos;s name to go on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {0} exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emptying {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {0} objects from {1}; aborted {2} unfinished uploads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} as the connection {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BucketSettingsDialog</name>
    <message>
        <source>Bucket settings: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CORS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects are stored as STANDARD or STANDARD_IA (Infrequent Access). Change the class of selected objects from their context menu (Storage class…) or with r2desk storage-class; the object is copied onto itself, its content type and metadata kept. A lifecycle rule can move objects to Infrequent Access but never back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage class</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Duplicate connection</source>
        <extracomment>The element being edited (None for a new one or a duplicate). Where an unchanged secret comes from (the edited element, or a duplicate&apos;s source).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the endpoint, the credentials and the bucket with the values above (nothing is saved); click again to cancel a running test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include a write check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also upload and delete a small probe object, to prove the token may write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read it from {0} in the environment (nothing is saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the secret from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the secret out of every file; r2desk reads {0} where it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it in PLAIN TEXT in this connection&apos;s file (anyone who can read your files can use it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the secret in plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret goes into the connection&apos;s config file (readable by you only); r2desk offers to move it into the keyring once one is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a place: no OS keyring, so choose one of the two below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for Test connection only; not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keyring is available, so r2desk cannot keep the secret safely. Choose where it comes from instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is kept in the OS keyring ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the current secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, unless {0} is set where the app runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct this first: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection works.   {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed.   {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} bucket(s) found: pick one or type a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token sees no buckets: type the bucket name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token may not list buckets (tokens limited to specific buckets cannot): type the bucket name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list buckets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} problem</source>
        <extracomment>The element being edited (None for a new one or a duplicate). Each checked field&apos;s warning mark, shown inside the field when it has a problem. The field the user typed in last: its problem is said first. The short name follows the title until the user edits it (new connections only). Set once every widget exists: validation runs as the fields are filled.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name shown in the app&apos;s list of connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names this connection&apos;s folder, and is what scripts and the command line use (r2desk ls &lt;short name&gt;). Filled in from the title until you change it. Letters, digits, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My-photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hort name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare &amp;R2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare R2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to an R2 bucket by account id and jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other S3-compatible &amp;service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other S3-compatible service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to any S3-compatible endpoint by its URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Cloudflare account id: 32 hexadecimal characters, shown on the R2 overview page. Pasting the S3 API URL fills in the jurisdiction too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0123456789abcdef0123456789abcdef</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the bucket was created. A bucket in the EU or FedRAMP jurisdiction is only reachable through that jurisdiction&apos;s endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jurisdiction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The S3 API address, e.g. https://s3.example.com or http://127.0.0.1:9000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://s3.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the bucket name, or pick one after listing the account&apos;s buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my-bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the endpoint for the buckets this token may see (tokens limited to specific buckets cannot list them: type the name instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing region; R2 uses &apos;auto&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access key id of the API token (32 characters for R2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token&apos;s secret access key. It is stored in the OS keyring, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the secret access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the bucket&apos;s public address (custom domain or r2.dev URL), used to build public links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://files.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Public base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <extracomment>The one place for the form&apos;s words: a field&apos;s problem, or what Save still needs. Its height is fixed (two lines), so showing or clearing it moves nothing.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required (or set {0} where the app runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already used by another connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionWords</name>
    <message>
        <source>Short name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <extracomment>The core&apos;s fixed problem phrases (they follow the field&apos;s label).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not start with a dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 64 characters long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must start with a letter or underscore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold only letters A-Z, digits, &apos;_&apos; and &apos;-&apos; (no spaces, dots or slashes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain spaces or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than any S3 access key id (at most 128 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains spaces or line breaks: paste it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 3 to 63 characters long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not hold &apos;..&apos; or look like an IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold only lowercase letters, digits and hyphens on R2 (no dots)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required (Cloudflare dashboard → R2 → Account details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>should be only the 32-character account id, not the endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an http(s):// URL such as https://files.example.com or https://pub-….r2.dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain a query or fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a host name or an http(s)://host[:port] URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain a user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an invalid port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a host name (like &lt;account&gt;.r2.cloudflarestorage.com) or a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may hold only letters, digits and hyphens (R2 uses &apos;auto&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the 32 hexadecimal characters of the account (this one has {0})</source>
        <extracomment>Phrases with a number in them: (the core&apos;s pattern, its template for translators).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of an R2 token is 32 characters long (this one has {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of an R2 token is 64 characters long (this one has {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is a reserved file name on Windows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorsTab</name>
    <message>
        <source>Allow GET from anywhere</source>
        <extracomment>The core&apos;s preset names (r2desk.storages.bucket_rules.cors_presets), for Qt Linguist.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow browser uploads from my site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expose headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max age (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CORS rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browsers may read from and upload to this bucket only from the origins listed here. Comma-separate several values; methods: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a preset rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a preset…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>r2desk: unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong. r2desk keeps running, but the last action may not have finished. Please copy these details into a bug report (they hold no secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical details of the error; select and copy them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the details to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateBucketDialog</name>
    <message>
        <source>New bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my-new-bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location hints are Cloudflare R2&apos;s; this is not R2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Location hint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (from the connection&apos;s endpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by the endpoint {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurisdiction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiffTree</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the sync will do; uncheck what it should leave alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditSessions</name>
    <message>
        <source>Opening {0}…</source>
        <extracomment>Opens a local file with its application (tests replace it). Asks what to do after a conflict (tests script it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application opens {0}; it is in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} to the bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {0}: {1}. Your edit is kept in {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved your edit as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded your edit of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: your edit is kept in {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ElidedLabel</name>
    <message>
        <source>Click to read it in full.</source>
        <extracomment>Package data (in the wheel, the source tree and the frozen bundle alike).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest status message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBridge</name>
    <message>
        <source>An unexpected error occurred; details are in the error dialog.</source>
        <extracomment>Tests turn dialogs off: modal exec() would block an offscreen run.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorView</name>
    <message>
        <source>Listing error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong and what to do; select to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List this folder again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiryDialog</name>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed URL expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the link stays valid (at most 7 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit of the expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2 signs links for at most 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Files being edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files open for editing: each save is uploaded. Click to stop watching one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing 1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing {0} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files are being edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LifecycleTab</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete after (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete on (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort uploads after (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To Infrequent Access after (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lifecycle rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R2&apos;s default rule: every bucket aborts unfinished multipart uploads after {0} days unless a rule here says otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {0} rules. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>r2desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r2desk main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers</source>
        <extracomment>Offer to move a plaintext secret into the keyring when an element opens (not in the demo, whose throwaway credentials live in a temporary folder). The transfer queue has had its first size (from the saved layout, or on first use). The browser&apos;s widgets, by the names the window has always had.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers dock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total transfer progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of all queued and running transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is in {1}: open that connection to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection: add one with New connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the demo in a new window…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not be started ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret moved into the keyring.</source>
        <extracomment>Starts a detached process (tests replace it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1} — r2desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit r2desk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} transfer{1} not finished. Quit and cancel them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the name cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name cannot be used: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectCommands</name>
    <message>
        <source>Select one or more files to copy signed URLs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} copied to the clipboard; valid until {1} ({2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL{0} copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a connection before uploading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking at the files to upload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} item{1} cannot be uploaded: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some items cannot be uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} item{1} cannot be uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the other {0} files are queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files to upload; {0} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bucket root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued {0} ({1}) for upload to {2}, {3}{4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads finished; the last one is {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} key{1} refused: they cannot be written safely into {2} (e.g. {3!r} {4}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued the download of {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new folder in /{0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder {0} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename / Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name of &apos;{0}&apos; (a name with &apos;/&apos; moves it into that folder):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace existing objects?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} at the target and would be replaced:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the target…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} objects could not be deleted (e.g. {1}: {2} {3}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the objects in the selected folders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties of {0} saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectView</name>
    <message>
        <source>Objects</source>
        <extracomment>Set by the window: key -&gt; signed URL, or None when signing would block (no client yet).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathBar</name>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breadcrumbs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a folder path in the bucket and press Enter (Escape cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder/sub-folder/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a path (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bucket root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start of the object&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an image or a text file to preview it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview for this type of file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview for this type: .{0} images cannot be shown by this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too large to preview ({0}; the limit is {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} × {1} pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not be loaded: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} already exists in {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download over the existing file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download beside it under a new name, e.g. name (2).txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the existing file and do not download this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do the same for the other {0} existing files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PropertiesDialog</name>
    <message>
        <source>Properties of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (read only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Content-Type the object is served with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Cache-Control header, e.g. max-age=3600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. public, max-age=3600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cache control:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &amp;metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x-amz-meta-* entries; double-click a cell to edit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a metadata entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add metadata entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected metadata entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove metadata entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the content type, cache control and metadata (rewrites the object&apos;s headers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadmeDialog</name>
    <message>
        <source>r2desk README</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>README</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>README text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The README is not part of this installation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact XML that Save sends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} on {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {0} on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not supported by this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedPairs</name>
    <message>
        <source>S&amp;ync pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders and buckets synced before; double-click to sync again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>any size</source>
        <extracomment>The most matches one search keeps (and shows); the scan stops there and says so. How often the worker hands a batch to the main thread (seconds), whatever the match rate.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under 1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 MiB to 100 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over 100 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, or a pattern such as *.jpg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} found in {1} scanned…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} found in {1} objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stopped at {0}: narrow the search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Connections panel</source>
        <extracomment>The location to browse: an element&apos;s name, or ``name@bucket`` for another bucket of it (&quot;&quot; when none is left).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your storage connections; choose one to browse its bucket, expand it to see its other buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the connection &apos;{0}&apos; from this computer? Its secret is removed from the keyring; the bucket and its objects are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &apos;{0}&apos; removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorageClassActions</name>
    <message>
        <source>Infrequent Access bills each object for at least 30 days of storage (deleting or moving it back sooner still costs the 30 days) and charges a fee per GB read back.</source>
        <extracomment>The core&apos;s Infrequent Access terms (r2desk.storages.bucket_rules.IA_TERMS), written out here so Qt Linguist sees them; a test keeps the two the same.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage c&amp;lass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infrequent Access (30-day minimum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to Infrequent Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {0} to Infrequent Access? {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the storage class of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} object(s) now {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>S&amp;ynchronize…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync a local folder and a bucket prefix, or two prefixes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what differs between two places; change nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source → target (one-way)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both ways (two-way)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-way remembers the last sync, so a deletion on one side is not undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete what the source does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-way: remove files of the target the source lacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;checksums (slower, ignores times)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When both sides changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When &amp;both changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what differs; nothing is changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ynchronize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry out the checked items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a local folder, or ELEMENT[@bucket]:prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a local folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cannot be synced (see why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides hold the same files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronizing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {0} items carried out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} failed; first: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>Transfer queue</source>
        <extracomment>Show a transfer&apos;s object in the listing (its element and key). Asks before something that cannot be undone: (title, text, action) -&gt; yes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the queue (running transfers stop and wait)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected transfers (all unfinished ones when none is selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the selected failed or cancelled transfers (all of them when none is selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove done, failed and cancelled transfers from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;At once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many transfers run at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploads and downloads; select rows to cancel or retry them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the selected transfers, or the whole queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the selected transfers, or the whole queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected transfers (all unfinished ones, after asking, when none is selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the selected transfer&apos;s object in the listing (or double-click it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open local &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder of the selected transfer&apos;s local file in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel transfers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is selected: cancel {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferQueue</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnfinishedUploadsDialog</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumable from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished uploads: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of an unfinished upload are stored (and billed) until it is completed or aborted. R2 aborts them after 7 days unless a lifecycle rule says otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort &amp;older than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the unfinished uploads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no (not from this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} unfinished upload(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unfinished uploads in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming {0} from {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted {0} unfinished upload(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to r2desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r2desk is a file manager for Cloudflare R2 and other S3-compatible storage: browse buckets, drag files in to upload, download, share links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the endpoint, bucket and keys of your storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try r2desk on a local demo bucket with sample files (no account needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Back</source>
        <extracomment>The expiry submenu of &quot;Copy signed URL&quot; (seconds); &quot;Custom…&quot; asks for up to 7 days.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go forward (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the parent folder (Backspace, Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List this folder again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a path (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the listing by name (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a folder here (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload &amp;files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files to upload here (Ctrl+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload f&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder to upload here, with its sub-folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the selected files and folders (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder, or the file with its application (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the file for editing: each save is uploaded back (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the whole bucket below this folder (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rena&amp;me / Move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename or move the selected object or folder (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected objects and folders (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proper&amp;ties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show and edit the object&apos;s properties (Alt+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy p&amp;ublic URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the public URL (needs the connection&apos;s public base URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy si&amp;gned URL (1 hour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a link valid for 1 hour (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy si&amp;gned URL</source>
        <extracomment>&quot;Storage class&quot; for selected files (``gui/buckets/storage_class``), set by the window.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a presigned link that works without credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a link that stops working after {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how long the link works (at most 7 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select every listed entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a storage connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete co&amp;nnection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit r2desk (Ctrl+Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About r2desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version, licence, and where r2desk keeps its settings and logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;README</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to use r2desk (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the preview pane (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort names in &amp;byte order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order names as the store does (by UTF-8 bytes: &apos;B&apos; before &apos;a&apos;, &apos;file10&apos; before &apos;file2&apos;) instead of the natural order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection editor is not available in this build</source>
        <extracomment>The connection editor ships in this build (the sidebar&apos;s buttons need it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the transfer queue (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>r2desk (demo)</source>
        <extracomment>Threads of the app&apos;s pool: transfers (their own limit) plus listings, previews and edits.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <source>Changed on the server</source>
        <extracomment>Quiet time after the last change before a save is uploaded.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” was deleted on the server since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” was changed on the server since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit is kept in {0}. Replace the server&apos;s version with yours?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard my edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyring</name>
    <message>
        <source>Move the secret into the keyring?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection {0} keeps its secret access key in plain text in
{1}

Anyone who can read that file can use your bucket. Move the secret into the OS keyring? The file keeps everything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the secret in the OS keyring and remove it from the config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the secret in the file for now; you will be asked again next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t ask again for this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember this answer for this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

The connection keeps working with the secret in its file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
