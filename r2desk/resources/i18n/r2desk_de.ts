<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About r2desk</source>
            <extracomment>The README beside the package in a source tree (an installed copy reads its metadata).</extracomment>
            <translation>Über r2desk</translation>
        </message>
        <message>
            <source>A desktop file manager for Cloudflare R2 and other S3-compatible storage. Free software under the MIT licence.</source>
            <translation>Ein Dateimanager für Cloudflare R2 und andere S3-kompatible Speicher. Freie Software unter der MIT-Lizenz.</translation>
        </message>
        <message>
            <source>Connections</source>
            <translation>Verbindungen</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>kept in memory (this session only)</source>
            <translation>im Speicher gehalten (nur diese Sitzung)</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>Protokolle</translation>
        </message>
        <message>
            <source>Transfer journal</source>
            <translation>Übertragungsjournal</translation>
        </message>
        <message>
            <source>Built with</source>
            <translation>Erstellt mit</translation>
        </message>
        <message>
            <source>{0} (select to copy)</source>
            <translation>{0} (zum Kopieren markieren)</translation>
        </message>
    </context>
    <context>
        <name>BookmarksPanel</name>
        <message>
            <source>Bookmarks panel</source>
            <translation>Lesezeichenbereich</translation>
        </message>
        <message>
            <source>&amp;Bookmarks</source>
            <translation>&amp;Lesezeichen</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>Lesezeichen</translation>
        </message>
        <message>
            <source>Folders you bookmarked (Ctrl+D); right-click to rename or remove one</source>
            <translation>Ordner mit Lesezeichen (Strg+D); Rechtsklick zum Umbenennen oder Entfernen</translation>
        </message>
        <message>
            <source>Ctrl+D bookmarks the folder you are in.</source>
            <translation>Strg+D setzt ein Lesezeichen für den aktuellen Ordner.</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>&amp;Umbenennen …</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>Ö&amp;ffnen</translation>
        </message>
    </context>
    <context>
        <name>Browser</name>
        <message>
            <source>Filter (Ctrl+F)</source>
            <extracomment>Listing failures that mean the connection itself does not work.</extracomment>
            <translation>Filter (Strg+F)</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>Filter</translation>
        </message>
        <message>
            <source>Show only entries whose name contains this text</source>
            <translation>Nur Einträge anzeigen, deren Name diesen Text enthält</translation>
        </message>
        <message>
            <source>Objects in this folder: drop files here to upload them</source>
            <translation>Objekte in diesem Ordner: Dateien hierher ziehen, um sie hochzuladen</translation>
        </message>
        <message>
            <source>Object count</source>
            <translation>Anzahl der Objekte</translation>
        </message>
        <message>
            <source>Entries listed in this folder</source>
            <translation>In diesem Ordner aufgelistete Einträge</translation>
        </message>
        <message>
            <source>Selection</source>
            <translation>Auswahl</translation>
        </message>
        <message>
            <source>Selected entries and their total size</source>
            <translation>Ausgewählte Einträge und ihre Gesamtgröße</translation>
        </message>
        <message>
            <source>Connection state</source>
            <translation>Verbindungsstatus</translation>
        </message>
        <message>
            <source>State of the current connection</source>
            <translation>Status der aktuellen Verbindung</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbinde …</translation>
        </message>
        <message>
            <source>Listing…</source>
            <translation>Wird aufgelistet …</translation>
        </message>
        <message>
            <source>Connected to {0}</source>
            <translation>Verbunden mit {0}</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>Nicht verbunden</translation>
        </message>
        <message>
            <source>Listing failed</source>
            <translation>Auflisten fehlgeschlagen</translation>
        </message>
        <message>
            <source>1 object</source>
            <translation>1 Objekt</translation>
        </message>
        <message>
            <source>{0} objects</source>
            <translation>{0} Objekte</translation>
        </message>
        <message>
            <source>{0}, {1}</source>
            <translation>{0}, {1}</translation>
        </message>
        <message>
            <source>1 folder</source>
            <translation>1 Ordner</translation>
        </message>
        <message>
            <source>{0} folders</source>
            <translation>{0} Ordner</translation>
        </message>
        <message>
            <source> so far; sorted as loaded (scroll for more)</source>
            <translation> bisher; sortiert, soweit geladen (für mehr scrollen)</translation>
        </message>
        <message>
            <source>{0} shown of {1}</source>
            <translation>{0} angezeigt von {1}</translation>
        </message>
        <message>
            <source>{0} selected</source>
            <translation>{0} ausgewählt</translation>
        </message>
        <message>
            <source>, {0} in files</source>
            <translation>, {0} in Dateien</translation>
        </message>
    </context>
    <context>
        <name>BucketBranch</name>
        <message>
            <source>Listing buckets…</source>
            <extracomment>Item data: the location to browse ("storages.X" or "storages.X@bucket"), the kind, the bucket.</extracomment>
            <translation>Buckets werden aufgelistet …</translation>
        </message>
        <message>
            <source>The connection's own bucket</source>
            <translation>Der eigene Bucket der Verbindung</translation>
        </message>
        <message>
            <source>Another bucket of this connection (same endpoint and keys)</source>
            <translation>Ein anderer Bucket dieser Verbindung (gleicher Endpunkt und Schlüssel)</translation>
        </message>
        <message>
            <source>This token may not list other buckets: {0}</source>
            <translation>Dieses Token darf keine anderen Buckets auflisten: {0}</translation>
        </message>
        <message>
            <source>Bucket settings…</source>
            <translation>Bucket-Einstellungen …</translation>
        </message>
        <message>
            <source>Unfinished uploads…</source>
            <translation>Unvollständige Uploads …</translation>
        </message>
        <message>
            <source>Add this bucket as its own connection</source>
            <translation>Diesen Bucket als eigene Verbindung hinzufügen</translation>
        </message>
        <message>
            <source>Empty bucket…</source>
            <translation>Bucket leeren …</translation>
        </message>
        <message>
            <source>Delete bucket…</source>
            <translation>Bucket löschen …</translation>
        </message>
        <message>
            <source>New bucket…</source>
            <translation>Neuer Bucket …</translation>
        </message>
        <message>
            <source>Bucket {0} created.</source>
            <translation>Bucket {0} erstellt.</translation>
        </message>
        <message>
            <source>Delete bucket</source>
            <translation>Bucket löschen</translation>
        </message>
        <message>
            <source>Delete the empty bucket {0}? A bucket that holds objects is refused.</source>
            <translation>Den leeren Bucket {0} löschen? Ein Bucket, der Objekte enthält, wird abgelehnt.</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Bucket {0} deleted.</source>
            <translation>Bucket {0} gelöscht.</translation>
        </message>
        <message>
            <source>{0} objects ({1})</source>
            <translation>{0} Objekte ({1})</translation>
        </message>
        <message>
            <source>Empty bucket</source>
            <translation>Bucket leeren</translation>
        </message>
        <message>
            <source>Bucket {0} holds {1}. Everything in it is deleted, and its unfinished uploads are aborted. Type the bucket's name to go on:</source>
            <translation>Bucket {0} enthält {1}. Alles darin wird gelöscht und seine unvollständigen Uploads werden abgebrochen. Geben Sie zum Fortfahren den Namen des Buckets ein:</translation>
        </message>
        <message>
            <source>Type {0} exactly</source>
            <translation>Genau {0} eingeben</translation>
        </message>
        <message>
            <source>Emptying {0}…</source>
            <translation>{0} wird geleert …</translation>
        </message>
        <message>
            <source>Deleted {0} objects from {1}; aborted {2} unfinished uploads.</source>
            <translation>{0} Objekte aus {1} gelöscht; {2} unvollständige Uploads abgebrochen.</translation>
        </message>
        <message>
            <source>Saved {0} as the connection {1}.</source>
            <translation>{0} als Verbindung {1} gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>BucketSettingsDialog</name>
        <message>
            <source>Bucket settings: {0}</source>
            <translation>Bucket-Einstellungen: {0}</translation>
        </message>
        <message>
            <source>&amp;CORS</source>
            <translation>&amp;CORS</translation>
        </message>
        <message>
            <source>&amp;Lifecycle</source>
            <translation>&amp;Lebenszyklus</translation>
        </message>
        <message>
            <source>Objects are stored as STANDARD or STANDARD_IA (Infrequent Access). Change the class of selected objects from their context menu (Storage class…) or with r2desk storage-class; the object is copied onto itself, its content type and metadata kept. A lifecycle rule can move objects to Infrequent Access but never back.</source>
            <translation>Objekte werden als STANDARD oder STANDARD_IA (Infrequent Access) gespeichert. Ändern Sie die Klasse ausgewählter Objekte über ihr Kontextmenü (Speicherklasse …) oder mit r2desk storage-class; das Objekt wird auf sich selbst kopiert, Inhaltstyp und Metadaten bleiben erhalten. Eine Lebenszyklusregel kann Objekte nach Infrequent Access verschieben, aber nie zurück.</translation>
        </message>
        <message>
            <source>&amp;Storage class</source>
            <translation>&amp;Speicherklasse</translation>
        </message>
    </context>
    <context>
        <name>BusyView</name>
        <message>
            <source>Preparing</source>
            <translation>Wird vorbereitet</translation>
        </message>
    </context>
    <context>
        <name>ClipboardActions</name>
        <message>
            <source>Cut {0}: paste it where it should go</source>
            <extracomment>Our clipboard format: {"element", "bucket", "keys", "cut"} as JSON.</extracomment>
            <translation>{0} ausgeschnitten: an der gewünschten Stelle einfügen</translation>
        </message>
        <message>
            <source>Copied {0}</source>
            <translation>{0} kopiert</translation>
        </message>
        <message>
            <source>Nothing to paste: copy objects or files first</source>
            <translation>Nichts zum Einfügen: zuerst Objekte oder Dateien kopieren</translation>
        </message>
        <message>
            <source>Preparing the paste…</source>
            <translation>Einfügen wird vorbereitet…</translation>
        </message>
        <message>
            <source>Not pasted: {0}: {1}</source>
            <translation>Nicht eingefügt: {0}: {1}</translation>
        </message>
        <message>
            <source>Nothing was pasted.</source>
            <translation>Es wurde nichts eingefügt.</translation>
        </message>
        <message>
            <source>Moving {0}…</source>
            <translation>{0} werden verschoben…</translation>
        </message>
        <message>
            <source>Copying {0}…</source>
            <translation>{0} werden kopiert…</translation>
        </message>
        <message>
            <source>Moving: {0} of {1} done…</source>
            <translation>Verschieben: {0} von {1} erledigt…</translation>
        </message>
        <message>
            <source>Copying: {0} of {1} done…</source>
            <translation>Kopieren: {0} von {1} erledigt…</translation>
        </message>
        <message>
            <source>Finish the interrupted move?</source>
            <translation>Unterbrochenes Verschieben abschließen?</translation>
        </message>
        <message>
            <source>Moving {0} to {1} was interrupted before it finished. Finish it now? What is still at the source is moved; what was already copied is checked, not copied again.</source>
            <translation>Das Verschieben von {0} nach {1} wurde unterbrochen, bevor es fertig war. Jetzt abschließen? Was noch an der Quelle liegt, wird verschoben; was schon kopiert wurde, wird geprüft und nicht noch einmal kopiert.</translation>
        </message>
        <message>
            <source>Finish moving</source>
            <translation>Verschieben abschließen</translation>
        </message>
        <message>
            <source>Moved {0}</source>
            <translation>{0} verschoben</translation>
        </message>
        <message>
            <source>{0}; skipped {1}</source>
            <translation>{0}; {1} übersprungen</translation>
        </message>
        <message>
            <source>Some objects were not pasted</source>
            <translation>Einige Objekte wurden nicht eingefügt</translation>
        </message>
        <message>
            <source>{0} of {1} objects could not be pasted; they stay where they were.</source>
            <translation>{0} von {1} Objekten konnten nicht eingefügt werden; sie bleiben, wo sie waren.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionDialog</name>
        <message>
            <source>Duplicate connection</source>
            <extracomment>The element being edited (None for a new one or a duplicate). Where an unchanged secret comes from (the edited element, or a duplicate's source).</extracomment>
            <translation>Verbindung duplizieren</translation>
        </message>
        <message>
            <source>Edit connection</source>
            <translation>Verbindung bearbeiten</translation>
        </message>
        <message>
            <source>New connection</source>
            <translation>Neue Verbindung</translation>
        </message>
        <message>
            <source>{0} (copy)</source>
            <translation>{0} (Kopie)</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>Verbindung &amp;testen</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Verbindung testen</translation>
        </message>
        <message>
            <source>Check the endpoint, the credentials and the bucket with the values above (nothing is saved); click again to cancel a running test</source>
            <translation>Endpunkt, Zugangsdaten und Bucket mit den obigen Werten prüfen (nichts wird gespeichert); erneut klicken, um einen laufenden Test abzubrechen</translation>
        </message>
        <message>
            <source>Include a write check</source>
            <translation>Schreibtest einschließen</translation>
        </message>
        <message>
            <source>Also upload and delete a small probe object, to prove the token may write</source>
            <translation>Zusätzlich ein kleines Testobjekt hoch- und wieder herunterladen, um zu zeigen, dass das Token schreiben darf</translation>
        </message>
        <message>
            <source>Test result</source>
            <translation>Testergebnis</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Save connection</source>
            <translation>Verbindung speichern</translation>
        </message>
        <message>
            <source>Write the connection</source>
            <translation>Verbindung schreiben</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Close without saving</source>
            <translation>Schließen, ohne zu speichern</translation>
        </message>
        <message>
            <source>needs a place: no OS keyring, so choose one of the two below</source>
            <translation>braucht einen Ort: kein Schlüsselbund, wählen Sie eine der beiden Möglichkeiten unten</translation>
        </message>
        <message>
            <source>Used for Test connection only; not saved</source>
            <translation>Nur für den Verbindungstest verwendet; nicht gespeichert</translation>
        </message>
        <message>
            <source>Unexpected error:
</source>
            <translation>Unerwarteter Fehler:
</translation>
        </message>
        <message>
            <source>Leave empty to keep the current secret</source>
            <translation>Leer lassen, um den bisherigen geheimen Schlüssel zu behalten</translation>
        </message>
        <message>
            <source>Required, unless {0} is set where the app runs</source>
            <translation>Erforderlich, außer {0} ist dort gesetzt, wo die App läuft</translation>
        </message>
        <message>
            <source>Correct this first: </source>
            <translation>Zuerst korrigieren: </translation>
        </message>
        <message>
            <source>Testing the connection…</source>
            <translation>Verbindung wird getestet …</translation>
        </message>
        <message>
            <source>Cancel &amp;test</source>
            <translation>Test &amp;abbrechen</translation>
        </message>
        <message>
            <source>Cancel test</source>
            <translation>Test abbrechen</translation>
        </message>
        <message>
            <source>Test cancelled.</source>
            <translation>Test abgebrochen.</translation>
        </message>
        <message>
            <source>Endpoint</source>
            <translation>Endpunkt</translation>
        </message>
        <message>
            <source>Credentials</source>
            <translation>Zugangsdaten</translation>
        </message>
        <message>
            <source>Bucket</source>
            <translation>Bucket</translation>
        </message>
        <message>
            <source>Write</source>
            <translation>Schreiben</translation>
        </message>
        <message>
            <source>Connection works.   {0}</source>
            <translation>Verbindung funktioniert.   {0}</translation>
        </message>
        <message>
            <source>Connection failed.   {0}</source>
            <translation>Verbindung fehlgeschlagen.   {0}</translation>
        </message>
        <message>
            <source>Connection failed: {0}</source>
            <translation>Verbindung fehlgeschlagen: {0}</translation>
        </message>
        <message>
            <source>Listing…</source>
            <translation>Wird aufgelistet …</translation>
        </message>
        <message>
            <source>{0} bucket(s) found: pick one or type a name.</source>
            <translation>{0} Bucket(s) gefunden: einen auswählen oder einen Namen eingeben.</translation>
        </message>
        <message>
            <source>This token sees no buckets: type the bucket name.</source>
            <translation>Dieses Token sieht keine Buckets: Geben Sie den Bucket-Namen ein.</translation>
        </message>
        <message>
            <source>This token may not list buckets (tokens limited to specific buckets cannot): type the bucket name.</source>
            <translation>Dieses Token darf keine Buckets auflisten (auf bestimmte Buckets beschränkte Tokens können das nicht): Geben Sie den Bucket-Namen ein.</translation>
        </message>
        <message>
            <source>Could not list buckets.</source>
            <translation>Buckets konnten nicht aufgelistet werden.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Speichern …</translation>
        </message>
        <message>
            <source>Not saved: {0}</source>
            <translation>Nicht gespeichert: {0}</translation>
        </message>
    </context>
    <context>
        <name>ConnectionForm</name>
        <message>
            <source>Default</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>{0} problem</source>
            <extracomment>The element being edited (None for a new one or a duplicate). Each checked field's warning mark, shown inside the field when it has a problem. The field the user typed in last: its problem is said first. The short name follows the title until the user edits it (new connections only). Set once every widget exists: validation runs as the fields are filled.</extracomment>
            <translation>Problem bei {0}</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>The name shown in the app's list of connections</source>
            <translation>Der Name, der in der Verbindungsliste der App angezeigt wird</translation>
        </message>
        <message>
            <source>My photos</source>
            <translation>Meine Fotos</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Titel:</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>Kurzname</translation>
        </message>
        <message>
            <source>Names this connection's folder, and is what scripts and the command line use (r2desk ls &lt;short name&gt;). Filled in from the title until you change it. Letters, digits, '_' and '-' only.</source>
            <translation>Benennt den Ordner dieser Verbindung und wird von Skripten und der Befehlszeile verwendet (r2desk ls &lt;Kurzname&gt;). Wird aus dem Titel übernommen, bis Sie ihn ändern. Nur Buchstaben, Ziffern, „_“ und „-“.</translation>
        </message>
        <message>
            <source>My-photos</source>
            <translation>Meine-Fotos</translation>
        </message>
        <message>
            <source>S&amp;hort name:</source>
            <translation>&amp;Kurzname:</translation>
        </message>
        <message>
            <source>Cloudflare &amp;R2</source>
            <translation>Cloudflare &amp;R2</translation>
        </message>
        <message>
            <source>Cloudflare R2</source>
            <translation>Cloudflare R2</translation>
        </message>
        <message>
            <source>Connect to an R2 bucket by account id and jurisdiction</source>
            <translation>Über Konto-ID und Rechtsraum mit einem R2-Bucket verbinden</translation>
        </message>
        <message>
            <source>Other S3-compatible &amp;service</source>
            <translation>Anderer S3-kompatibler &amp;Dienst</translation>
        </message>
        <message>
            <source>Other S3-compatible service</source>
            <translation>Anderer S3-kompatibler Dienst</translation>
        </message>
        <message>
            <source>Connect to any S3-compatible endpoint by its URL</source>
            <translation>Über die URL mit einem beliebigen S3-kompatiblen Endpunkt verbinden</translation>
        </message>
        <message>
            <source>Service:</source>
            <translation>Dienst:</translation>
        </message>
        <message>
            <source>Account ID</source>
            <translation>Konto-ID</translation>
        </message>
        <message>
            <source>Your Cloudflare account id: 32 hexadecimal characters, shown on the R2 overview page. Pasting the S3 API URL fills in the jurisdiction too.</source>
            <translation>Ihre Cloudflare-Konto-ID: 32 Hexadezimalzeichen, zu finden auf der R2-Übersichtsseite. Das Einfügen der S3-API-URL füllt auch den Rechtsraum aus.</translation>
        </message>
        <message>
            <source>0123456789abcdef0123456789abcdef</source>
            <translation>0123456789abcdef0123456789abcdef</translation>
        </message>
        <message>
            <source>&amp;Account ID:</source>
            <translation>K&amp;onto-ID:</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>Rechtsraum</translation>
        </message>
        <message>
            <source>Where the bucket was created. A bucket in the EU or FedRAMP jurisdiction is only reachable through that jurisdiction's endpoint.</source>
            <translation>Wo der Bucket angelegt wurde. Ein Bucket im Rechtsraum EU oder FedRAMP ist nur über den Endpunkt dieses Rechtsraums erreichbar.</translation>
        </message>
        <message>
            <source>Endpoint used</source>
            <translation>Verwendeter Endpunkt</translation>
        </message>
        <message>
            <source>&amp;Jurisdiction:</source>
            <translation>&amp;Rechtsraum:</translation>
        </message>
        <message>
            <source>Endpoint URL</source>
            <translation>Endpunkt-URL</translation>
        </message>
        <message>
            <source>The S3 API address, e.g. https://s3.example.com or http://127.0.0.1:9000</source>
            <translation>Die Adresse der S3-API, z. B. https://s3.example.com oder http://127.0.0.1:9000</translation>
        </message>
        <message>
            <source>https://s3.example.com</source>
            <translation>https://s3.example.com</translation>
        </message>
        <message>
            <source>Endpoint &amp;URL:</source>
            <translation>Endpunkt-&amp;URL:</translation>
        </message>
        <message>
            <source>Bucket</source>
            <translation>Bucket</translation>
        </message>
        <message>
            <source>Type the bucket name, or pick one after listing the account's buckets</source>
            <translation>Den Bucket-Namen eingeben oder nach dem Auflisten der Buckets des Kontos einen auswählen</translation>
        </message>
        <message>
            <source>my-bucket</source>
            <translation>mein-bucket</translation>
        </message>
        <message>
            <source>&amp;List buckets</source>
            <translation>Buckets auf&amp;listen</translation>
        </message>
        <message>
            <source>List buckets</source>
            <translation>Buckets auflisten</translation>
        </message>
        <message>
            <source>Ask the endpoint for the buckets this token may see (tokens limited to specific buckets cannot list them: type the name instead)</source>
            <translation>Den Endpunkt nach den Buckets fragen, die dieses Token sehen darf (auf bestimmte Buckets beschränkte Tokens können sie nicht auflisten: geben Sie dann den Namen ein)</translation>
        </message>
        <message>
            <source>&amp;Bucket:</source>
            <translation>&amp;Bucket:</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>The signing region; R2 uses 'auto'</source>
            <translation>Die Signaturregion; R2 verwendet „auto“</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>auto</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>Re&amp;gion:</translation>
        </message>
        <message>
            <source>Access key ID</source>
            <translation>Zugriffsschlüssel-ID</translation>
        </message>
        <message>
            <source>The access key id of the API token (32 characters for R2)</source>
            <translation>Die Zugriffsschlüssel-ID des API-Tokens (32 Zeichen bei R2)</translation>
        </message>
        <message>
            <source>Access &amp;key ID:</source>
            <translation>&amp;Zugriffsschlüssel-ID:</translation>
        </message>
        <message>
            <source>Secret access key</source>
            <translation>Geheimer Zugriffsschlüssel</translation>
        </message>
        <message>
            <source>The token's secret access key. It is stored in the OS keyring, never in a file.</source>
            <translation>Der geheime Zugriffsschlüssel des Tokens. Er wird im Schlüsselbund des Systems gespeichert, nie in einer Datei.</translation>
        </message>
        <message>
            <source>Sho&amp;w</source>
            <translation>&amp;Zeigen</translation>
        </message>
        <message>
            <source>Show secret</source>
            <translation>Geheimen Schlüssel zeigen</translation>
        </message>
        <message>
            <source>Show or hide the secret access key</source>
            <translation>Den geheimen Zugriffsschlüssel zeigen oder verbergen</translation>
        </message>
        <message>
            <source>&amp;Secret access key:</source>
            <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
        </message>
        <message>
            <source>Public base URL</source>
            <translation>Öffentliche Basis-URL</translation>
        </message>
        <message>
            <source>Optional: the bucket's public address (custom domain or r2.dev URL), used to build public links</source>
            <translation>Optional: die öffentliche Adresse des Buckets (eigene Domain oder r2.dev-URL), für öffentliche Links</translation>
        </message>
        <message>
            <source>https://files.example.com</source>
            <translation>https://files.example.com</translation>
        </message>
        <message>
            <source>&amp;Public base URL:</source>
            <translation>Ö&amp;ffentliche Basis-URL:</translation>
        </message>
        <message>
            <source>Problems</source>
            <extracomment>The one place for the form's words: a field's problem, or what Save still needs. Its height is fixed (two lines), so showing or clearing it moves nothing.</extracomment>
            <translation>Probleme</translation>
        </message>
        <message>
            <source>&amp;Hide</source>
            <translation>&amp;Verbergen</translation>
        </message>
        <message>
            <source>Hide secret</source>
            <translation>Geheimen Schlüssel verbergen</translation>
        </message>
        <message>
            <source>is required (or set {0} where the app runs)</source>
            <translation>ist erforderlich (oder setzen Sie {0} dort, wo die App läuft)</translation>
        </message>
        <message>
            <source>is already used by another connection</source>
            <translation>wird bereits von einer anderen Verbindung verwendet</translation>
        </message>
        <message>
            <source> (and {0} more, marked ⚠)</source>
            <translation> (und {0} weitere, mit ⚠ markiert)</translation>
        </message>
        <message>
            <source>To save, fill in: {0}.</source>
            <translation>Zum Speichern ausfüllen: {0}.</translation>
        </message>
        <message>
            <source>Endpoint: {0}</source>
            <translation>Endpunkt: {0}</translation>
        </message>
    </context>
    <context>
        <name>ConnectionWords</name>
        <message>
            <source>Short name</source>
            <translation>Kurzname</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Account ID</source>
            <translation>Konto-ID</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>Rechtsraum</translation>
        </message>
        <message>
            <source>Endpoint URL</source>
            <translation>Endpunkt-URL</translation>
        </message>
        <message>
            <source>Bucket</source>
            <translation>Bucket</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Access key ID</source>
            <translation>Zugriffsschlüssel-ID</translation>
        </message>
        <message>
            <source>Secret access key</source>
            <translation>Geheimer Zugriffsschlüssel</translation>
        </message>
        <message>
            <source>Public base URL</source>
            <translation>Öffentliche Basis-URL</translation>
        </message>
        <message>
            <source>is required</source>
            <extracomment>The core's fixed problem phrases (they follow the field's label).</extracomment>
            <translation>ist erforderlich</translation>
        </message>
        <message>
            <source>is empty</source>
            <translation>ist leer</translation>
        </message>
        <message>
            <source>must not start with a dot</source>
            <translation>darf nicht mit einem Punkt beginnen</translation>
        </message>
        <message>
            <source>must be at most 64 characters long</source>
            <translation>darf höchstens 64 Zeichen lang sein</translation>
        </message>
        <message>
            <source>must start with a letter or underscore</source>
            <translation>muss mit einem Buchstaben oder Unterstrich beginnen</translation>
        </message>
        <message>
            <source>may hold only letters A-Z, digits, '_' and '-' (no spaces, dots or slashes)</source>
            <translation>darf nur Buchstaben A–Z, Ziffern, „_“ und „-“ enthalten (keine Leerzeichen, Punkte oder Schrägstriche)</translation>
        </message>
        <message>
            <source>must not contain spaces or line breaks</source>
            <translation>darf keine Leerzeichen oder Zeilenumbrüche enthalten</translation>
        </message>
        <message>
            <source>is longer than any S3 access key id (at most 128 characters)</source>
            <translation>ist länger als jede S3-Zugriffsschlüssel-ID (höchstens 128 Zeichen)</translation>
        </message>
        <message>
            <source>contains spaces or line breaks: paste it again</source>
            <translation>enthält Leerzeichen oder Zeilenumbrüche: bitte erneut einfügen</translation>
        </message>
        <message>
            <source>must be 3 to 63 characters long</source>
            <translation>muss 3 bis 63 Zeichen lang sein</translation>
        </message>
        <message>
            <source>must not hold '..' or look like an IP address</source>
            <translation>darf kein „..“ enthalten und nicht wie eine IP-Adresse aussehen</translation>
        </message>
        <message>
            <source>may hold only lowercase letters, digits and hyphens on R2 (no dots)</source>
            <translation>darf bei R2 nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (keine Punkte)</translation>
        </message>
        <message>
            <source>is required (Cloudflare dashboard → R2 → Account details)</source>
            <translation>ist erforderlich (Cloudflare-Dashboard → R2 → Kontodetails)</translation>
        </message>
        <message>
            <source>should be only the 32-character account id, not the endpoint URL</source>
            <translation>sollte nur die 32-stellige Konto-ID sein, nicht die Endpunkt-URL</translation>
        </message>
        <message>
            <source>must be an http(s):// URL such as https://files.example.com or https://pub-….r2.dev</source>
            <translation>muss eine http(s)://-URL sein, etwa https://files.example.com oder https://pub-….r2.dev</translation>
        </message>
        <message>
            <source>must not contain a query or fragment</source>
            <translation>darf keine Abfrage und kein Fragment enthalten</translation>
        </message>
        <message>
            <source>must be a host name or an http(s)://host[:port] URL</source>
            <translation>muss ein Hostname oder eine http(s)://host[:port]-URL sein</translation>
        </message>
        <message>
            <source>must not contain a user name or password</source>
            <translation>darf keinen Benutzernamen und kein Passwort enthalten</translation>
        </message>
        <message>
            <source>has an invalid port</source>
            <translation>hat einen ungültigen Port</translation>
        </message>
        <message>
            <source>must be a host name (like &lt;account&gt;.r2.cloudflarestorage.com) or a URL</source>
            <translation>muss ein Hostname (wie &lt;account&gt;.r2.cloudflarestorage.com) oder eine URL sein</translation>
        </message>
        <message>
            <source>may hold only letters, digits and hyphens (R2 uses 'auto')</source>
            <translation>darf nur Buchstaben, Ziffern und Bindestriche enthalten (R2 verwendet „auto“)</translation>
        </message>
        <message>
            <source>must be the 32 hexadecimal characters of the account (this one has {0})</source>
            <extracomment>Phrases with a number in them: (the core's pattern, its template for translators).</extracomment>
            <translation>muss aus den 32 Hexadezimalzeichen des Kontos bestehen (diese hat {0})</translation>
        </message>
        <message>
            <source>of an R2 token is 32 characters long (this one has {0})</source>
            <translation>eines R2-Tokens ist 32 Zeichen lang (diese hat {0})</translation>
        </message>
        <message>
            <source>of an R2 token is 64 characters long (this one has {0})</source>
            <translation>eines R2-Tokens ist 64 Zeichen lang (dieser hat {0})</translation>
        </message>
        <message>
            <source>'{0}' is a reserved file name on Windows</source>
            <translation>„{0}“ ist unter Windows ein reservierter Dateiname</translation>
        </message>
    </context>
    <context>
        <name>CorsTab</name>
        <message>
            <source>Allow GET from anywhere</source>
            <extracomment>The core's preset names (r2desk.storages.bucket_rules.cors_presets), for Qt Linguist.</extracomment>
            <translation>GET von überall erlauben</translation>
        </message>
        <message>
            <source>Allow browser uploads from my site</source>
            <translation>Browser-Uploads von meiner Website erlauben</translation>
        </message>
        <message>
            <source>Origins</source>
            <translation>Ursprünge</translation>
        </message>
        <message>
            <source>Methods</source>
            <translation>Methoden</translation>
        </message>
        <message>
            <source>Allowed headers</source>
            <translation>Erlaubte Header</translation>
        </message>
        <message>
            <source>Expose headers</source>
            <translation>Offengelegte Header</translation>
        </message>
        <message>
            <source>Max age (s)</source>
            <translation>Max. Alter (s)</translation>
        </message>
        <message>
            <source>CORS rules</source>
            <translation>CORS-Regeln</translation>
        </message>
        <message>
            <source>Browsers may read from and upload to this bucket only from the origins listed here. Comma-separate several values; methods: {0}.</source>
            <translation>Browser dürfen nur von den hier aufgeführten Ursprüngen aus diesen Bucket lesen und hineinladen. Mehrere Werte durch Kommas trennen; Methoden: {0}.</translation>
        </message>
        <message>
            <source>Add a preset rule</source>
            <translation>Eine vorgefertigte Regel hinzufügen</translation>
        </message>
        <message>
            <source>Add a preset…</source>
            <translation>Vorlage hinzufügen …</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>r2desk: unexpected error</source>
            <translation>r2desk: unerwarteter Fehler</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>Unerwarteter Fehler</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. r2desk keeps running, but the last action may not have finished. Please copy these details into a bug report (they hold no secrets).</source>
            <translation>Etwas Unerwartetes ist schiefgegangen. r2desk läuft weiter, aber die letzte Aktion ist möglicherweise nicht abgeschlossen. Bitte kopieren Sie diese Details in einen Fehlerbericht (sie enthalten keine Geheimnisse).</translation>
        </message>
        <message>
            <source>Error details</source>
            <translation>Fehlerdetails</translation>
        </message>
        <message>
            <source>Technical details of the error; select and copy them</source>
            <translation>Technische Details des Fehlers; zum Kopieren markieren</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>Details kopieren</translation>
        </message>
        <message>
            <source>Copy the details to the clipboard</source>
            <translation>Die Details in die Zwischenablage kopieren</translation>
        </message>
    </context>
    <context>
        <name>CreateBucketDialog</name>
        <message>
            <source>New bucket</source>
            <translation>Neuer Bucket</translation>
        </message>
        <message>
            <source>Bucket name</source>
            <translation>Bucket-Name</translation>
        </message>
        <message>
            <source>my-new-bucket</source>
            <translation>mein-neuer-bucket</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>Location hint</source>
            <translation>Standorthinweis</translation>
        </message>
        <message>
            <source>Automatic (none)</source>
            <translation>Automatisch (keiner)</translation>
        </message>
        <message>
            <source>Location hints are Cloudflare R2's; this is not R2</source>
            <translation>Standorthinweise gibt es nur bei Cloudflare R2; dies ist kein R2</translation>
        </message>
        <message>
            <source>&amp;Location hint:</source>
            <translation>&amp;Standorthinweis:</translation>
        </message>
        <message>
            <source>default</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>{0} (from the connection's endpoint)</source>
            <translation>{0} (vom Endpunkt der Verbindung)</translation>
        </message>
        <message>
            <source>set by the endpoint {0}</source>
            <translation>durch den Endpunkt {0} festgelegt</translation>
        </message>
        <message>
            <source>Jurisdiction:</source>
            <translation>Rechtsraum:</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Erstellen</translation>
        </message>
        <message>
            <source>The name {0}</source>
            <translation>Der Name {0}</translation>
        </message>
    </context>
    <context>
        <name>DeliveryWait</name>
        <message>
            <source>Dragging out</source>
            <translation>Herausziehen</translation>
        </message>
        <message>
            <source>Listing the objects to drag out…</source>
            <translation>Die herauszuziehenden Objekte werden aufgelistet …</translation>
        </message>
        <message>
            <source>Drag-out progress</source>
            <translation>Fortschritt des Herausziehens</translation>
        </message>
        <message>
            <source>Downloading {0} of {1} files for the drop…</source>
            <translation>Datei {0} von {1} wird für das Ablegen heruntergeladen …</translation>
        </message>
        <message>
            <source>Waiting: the transfer queue is paused. Resume it, or cancel the drop.</source>
            <translation>Warten: Die Übertragungswarteschlange ist angehalten. Setzen Sie sie fort oder brechen Sie das Ablegen ab.</translation>
        </message>
    </context>
    <context>
        <name>DiffTree</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Grund</translation>
        </message>
        <message>
            <source>Differences</source>
            <translation>Unterschiede</translation>
        </message>
        <message>
            <source>What the sync will do; uncheck what it should leave alone</source>
            <translation>Was die Synchronisierung tun wird; abwählen, was sie in Ruhe lassen soll</translation>
        </message>
        <message>
            <source>first side</source>
            <translation>erste Seite</translation>
        </message>
        <message>
            <source>second side</source>
            <translation>zweite Seite</translation>
        </message>
        <message>
            <source>new</source>
            <translation>neu</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>geändert</translation>
        </message>
        <message>
            <source>delete</source>
            <translation>löschen</translation>
        </message>
        <message>
            <source>only there</source>
            <translation>nur dort</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>Konflikt</translation>
        </message>
        <message>
            <source>collision</source>
            <translation>Kollision</translation>
        </message>
        <message>
            <source>cannot sync</source>
            <translation>nicht synchronisierbar</translation>
        </message>
        <message>
            <source>Choice for {0}</source>
            <translation>Auswahl für {0}</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>Keep {0}</source>
            <translation>{0} behalten</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>Beide behalten</translation>
        </message>
    </context>
    <context>
        <name>DragOut</name>
        <message>
            <source>Drag-out failed: {0}</source>
            <translation>Herausziehen fehlgeschlagen: {0}</translation>
        </message>
        <message>
            <source>Drag-out cancelled: no files were handed over.</source>
            <translation>Herausziehen abgebrochen: Es wurden keine Dateien übergeben.</translation>
        </message>
        <message>
            <source>not finished</source>
            <translation>nicht abgeschlossen</translation>
        </message>
        <message>
            <source>Dragged out {0} of {1}; not handed over: {2}: {3}</source>
            <translation>{0} von {1} herausgezogen; nicht übergeben: {2}: {3}</translation>
        </message>
        <message>
            <source>Some objects were not dragged out</source>
            <translation>Einige Objekte wurden nicht herausgezogen</translation>
        </message>
        <message>
            <source>1 object could not be downloaded for the drop, so it was not handed over.</source>
            <translation>1 Objekt konnte für das Ablegen nicht heruntergeladen werden und wurde daher nicht übergeben.</translation>
        </message>
        <message>
            <source>{0} objects could not be downloaded for the drop, so they were not handed over.</source>
            <translation>{0} Objekte konnten für das Ablegen nicht heruntergeladen werden und wurden daher nicht übergeben.</translation>
        </message>
        <message>
            <source>Dragged out {0}</source>
            <translation>{0} herausgezogen</translation>
        </message>
    </context>
    <context>
        <name>EditSessions</name>
        <message>
            <source>Opening {0}…</source>
            <extracomment>Opens a local file with its application (tests replace it). Asks what to do after a conflict (tests script it).</extracomment>
            <translation>{0} wird geöffnet …</translation>
        </message>
        <message>
            <source>No application opens {0}; it is in {1}</source>
            <translation>Keine Anwendung öffnet {0}; die Datei liegt in {1}</translation>
        </message>
        <message>
            <source>Opened {0}</source>
            <translation>{0} geöffnet</translation>
        </message>
        <message>
            <source>Saving {0}…</source>
            <translation>{0} wird gespeichert …</translation>
        </message>
        <message>
            <source>Saved {0} to the bucket</source>
            <translation>{0} im Bucket gespeichert</translation>
        </message>
        <message>
            <source>Could not save {0}: {1}. Your edit is kept in {2}</source>
            <translation>{0} konnte nicht gespeichert werden: {1}. Ihre Änderung bleibt in {2} erhalten</translation>
        </message>
        <message>
            <source>Saved your edit as {0}</source>
            <translation>Ihre Änderung wurde als {0} gespeichert</translation>
        </message>
        <message>
            <source>Discarded your edit of {0}</source>
            <translation>Ihre Änderung an {0} wurde verworfen</translation>
        </message>
        <message>
            <source>Not saved: your edit is kept in {0}</source>
            <translation>Nicht gespeichert: Ihre Änderung bleibt in {0} erhalten</translation>
        </message>
    </context>
    <context>
        <name>ElidedLabel</name>
        <message>
            <source>Click to read it in full.</source>
            <extracomment>Package data (in the wheel, the source tree and the frozen bundle alike).</extracomment>
            <translation>Klicken, um sie vollständig zu lesen.</translation>
        </message>
        <message>
            <source>Latest status message</source>
            <translation>Letzte Statusmeldung</translation>
        </message>
    </context>
    <context>
        <name>ErrorBridge</name>
        <message>
            <source>An unexpected error occurred; details are in the error dialog.</source>
            <extracomment>Tests turn dialogs off: modal exec() would block an offscreen run.</extracomment>
            <translation>Ein unerwarteter Fehler ist aufgetreten; Details stehen im Fehlerdialog.</translation>
        </message>
    </context>
    <context>
        <name>ErrorView</name>
        <message>
            <source>Listing error</source>
            <translation>Fehler beim Auflisten</translation>
        </message>
        <message>
            <source>What failed</source>
            <translation>Was fehlgeschlagen ist</translation>
        </message>
        <message>
            <source>Error details</source>
            <translation>Fehlerdetails</translation>
        </message>
        <message>
            <source>What went wrong and what to do; select to copy</source>
            <translation>Was schiefging und was zu tun ist; zum Kopieren markieren</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>List this folder again</source>
            <translation>Diesen Ordner erneut auflisten</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Wiederholen</translation>
        </message>
    </context>
    <context>
        <name>ExpiryDialog</name>
        <message>
            <source>minutes</source>
            <translation>Minuten</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>Stunden</translation>
        </message>
        <message>
            <source>days</source>
            <translation>Tage</translation>
        </message>
        <message>
            <source>Signed URL expiry</source>
            <translation>Ablauf der signierten URL</translation>
        </message>
        <message>
            <source>Valid &amp;for:</source>
            <translation>Gültig &amp;für:</translation>
        </message>
        <message>
            <source>Expiry amount</source>
            <translation>Ablaufdauer</translation>
        </message>
        <message>
            <source>How long the link stays valid (at most 7 days)</source>
            <translation>Wie lange der Link gültig bleibt (höchstens 7 Tage)</translation>
        </message>
        <message>
            <source>Expiry unit</source>
            <translation>Ablaufeinheit</translation>
        </message>
        <message>
            <source>Unit of the expiry</source>
            <translation>Einheit der Ablaufdauer</translation>
        </message>
        <message>
            <source>R2 signs links for at most 7 days.</source>
            <translation>R2 signiert Links für höchstens 7 Tage.</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <source>Files being edited</source>
            <translation>Bearbeitete Dateien</translation>
        </message>
        <message>
            <source>Files open for editing: each save is uploaded. Click to stop watching one.</source>
            <translation>Zum Bearbeiten geöffnete Dateien: Jedes Speichern wird hochgeladen. Klicken, um die Überwachung einer Datei zu beenden.</translation>
        </message>
        <message>
            <source>Editing 1 file</source>
            <translation>1 Datei wird bearbeitet</translation>
        </message>
        <message>
            <source>Editing {0} files</source>
            <translation>{0} Dateien werden bearbeitet</translation>
        </message>
        <message>
            <source>Stop watching {0}</source>
            <translation>Überwachung von {0} beenden</translation>
        </message>
        <message>
            <source>No files are being edited</source>
            <translation>Es werden keine Dateien bearbeitet</translation>
        </message>
    </context>
    <context>
        <name>LifecycleTab</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>On</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>Prefix</source>
            <translation>Präfix</translation>
        </message>
        <message>
            <source>Delete after (days)</source>
            <translation>Löschen nach (Tagen)</translation>
        </message>
        <message>
            <source>Delete on (date)</source>
            <translation>Löschen am (Datum)</translation>
        </message>
        <message>
            <source>Abort uploads (days)</source>
            <translation>Uploads abbrechen (Tage)</translation>
        </message>
        <message>
            <source>To IA (days)</source>
            <translation>Nach IA (Tage)</translation>
        </message>
        <message>
            <source>lifecycle rules</source>
            <translation>Lebenszyklusregeln</translation>
        </message>
        <message>
            <source>R2's default rule: every bucket aborts unfinished multipart uploads after {0} days unless a rule here says otherwise.</source>
            <translation>Die Standardregel von R2: Jeder Bucket bricht unvollständige Multipart-Uploads nach {0} Tagen ab, sofern keine Regel hier etwas anderes bestimmt.</translation>
        </message>
        <message>
            <source>At most {0} rules. </source>
            <translation>Höchstens {0} Regeln. </translation>
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
            <translation>r2desk-Hauptfenster</translation>
        </message>
        <message>
            <source>Transfers</source>
            <extracomment>Offer to move a plaintext secret into the keyring when an element opens (not in the demo, whose throwaway credentials live in a temporary folder). The transfer queue has had its first size (from the saved layout, or on first use). The browser's widgets, by the names the window has always had.</extracomment>
            <translation>Übertragungen</translation>
        </message>
        <message>
            <source>Transfers dock</source>
            <translation>Übertragungsbereich</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>Navigation toolbar</source>
            <translation>Navigationsleiste</translation>
        </message>
        <message>
            <source>&amp;Transfers</source>
            <translation>Übe&amp;rtragungen</translation>
        </message>
        <message>
            <source>Status message</source>
            <translation>Statusmeldung</translation>
        </message>
        <message>
            <source>Total transfer progress</source>
            <translation>Gesamtfortschritt der Übertragungen</translation>
        </message>
        <message>
            <source>Progress of all queued and running transfers</source>
            <translation>Fortschritt aller wartenden und laufenden Übertragungen</translation>
        </message>
        <message>
            <source>Transfers summary</source>
            <translation>Übersicht der Übertragungen</translation>
        </message>
        <message>
            <source>{0} is in {1}: open that connection to see it.</source>
            <translation>{0} liegt in {1}: Öffnen Sie diese Verbindung, um es zu sehen.</translation>
        </message>
        <message>
            <source>Opening the demo in a new window…</source>
            <translation>Die Demo wird in einem neuen Fenster geöffnet …</translation>
        </message>
        <message>
            <source>The demo could not be started ({0}).</source>
            <translation>Die Demo konnte nicht gestartet werden ({0}).</translation>
        </message>
        <message>
            <source>{0} — {1} — r2desk</source>
            <translation>{0} — {1} — r2desk</translation>
        </message>
        <message>
            <source>{0} running</source>
            <translation>{0} laufen</translation>
        </message>
        <message>
            <source>, {0} waiting</source>
            <translation>, {0} warten</translation>
        </message>
        <message>
            <source>Transfers: {0} running, {1} waiting</source>
            <translation>Übertragungen: {0} laufen, {1} warten</translation>
        </message>
        <message>
            <source>Quit r2desk?</source>
            <translation>r2desk beenden?</translation>
        </message>
        <message>
            <source>1 transfer is not finished. Quit and cancel it?</source>
            <translation>1 Übertragung ist nicht abgeschlossen. Beenden und sie abbrechen?</translation>
        </message>
        <message>
            <source>{0} transfers are not finished. Quit and cancel them?</source>
            <translation>{0} Übertragungen sind nicht abgeschlossen. Beenden und sie abbrechen?</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
    </context>
    <context>
        <name>NameDialog</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Why the name cannot be used</source>
            <translation>Warum der Name nicht verwendet werden kann</translation>
        </message>
        <message>
            <source>This name cannot be used: {0}.</source>
            <translation>Dieser Name kann nicht verwendet werden: {0}.</translation>
        </message>
    </context>
    <context>
        <name>ObjectCommands</name>
        <message>
            <source>Select one or more files to copy signed URLs.</source>
            <translation>Wählen Sie eine oder mehrere Dateien aus, um signierte URLs zu kopieren.</translation>
        </message>
        <message>
            <source>{0} copied to the clipboard; valid until {1} ({2}).</source>
            <translation>{0} in die Zwischenablage kopiert; gültig bis {1} ({2}).</translation>
        </message>
        <message>
            <source>Upload files</source>
            <translation>Dateien hochladen</translation>
        </message>
        <message>
            <source>Upload a folder</source>
            <translation>Einen Ordner hochladen</translation>
        </message>
        <message>
            <source>Choose a connection before uploading.</source>
            <translation>Wählen Sie vor dem Hochladen eine Verbindung.</translation>
        </message>
        <message>
            <source>Looking at the files to upload…</source>
            <translation>Die hochzuladenden Dateien werden geprüft …</translation>
        </message>
        <message>
            <source>Some items cannot be uploaded</source>
            <translation>Einige Elemente können nicht hochgeladen werden</translation>
        </message>
        <message>
            <source>; the other {0} files are queued.</source>
            <translation>; die übrigen {0} Dateien sind eingereiht.</translation>
        </message>
        <message>
            <source>No files to upload; {0} created.</source>
            <translation>Keine Dateien zum Hochladen; {0} angelegt.</translation>
        </message>
        <message>
            <source>the bucket root</source>
            <translation>das Wurzelverzeichnis des Buckets</translation>
        </message>
        <message>
            <source>Queued {0} ({1}) for upload to {2}, {3}{4}.</source>
            <translation>{0} ({1}) zum Hochladen nach {2} eingereiht, {3}{4}.</translation>
        </message>
        <message>
            <source>Downloads finished; the last one is {0}.</source>
            <translation>Downloads abgeschlossen; der letzte ist {0}.</translation>
        </message>
        <message>
            <source>Download to folder</source>
            <translation>In Ordner herunterladen</translation>
        </message>
        <message>
            <source>1 item</source>
            <translation>1 Element</translation>
        </message>
        <message>
            <source>{0} items</source>
            <translation>{0} Elemente</translation>
        </message>
        <message>
            <source>Public URLs copied to the clipboard.</source>
            <translation>Öffentliche URLs in die Zwischenablage kopiert.</translation>
        </message>
        <message>
            <source>Public URL copied to the clipboard.</source>
            <translation>Öffentliche URL in die Zwischenablage kopiert.</translation>
        </message>
        <message>
            <source>{0} cannot be uploaded: {1}</source>
            <translation>{0} können nicht hochgeladen werden: {1}</translation>
        </message>
        <message>
            <source>{0} cannot be uploaded</source>
            <translation>{0} können nicht hochgeladen werden</translation>
        </message>
        <message>
            <source>; {0} cannot be uploaded: {1}</source>
            <translation>; {0} können nicht hochgeladen werden: {1}</translation>
        </message>
        <message>
            <source>{0} refused: they cannot be written safely into {1} (e.g. {2!r} {3}).</source>
            <translation>{0} abgelehnt: Sie können nicht sicher in {1} geschrieben werden (z. B. {2!r} {3}).</translation>
        </message>
        <message>
            <source>1 key</source>
            <translation>1 Schlüssel</translation>
        </message>
        <message>
            <source>{0} keys</source>
            <translation>{0} Schlüssel</translation>
        </message>
        <message>
            <source>Queued {0} to {1}.</source>
            <translation>{0} nach {1} eingereiht.</translation>
        </message>
        <message>
            <source>Download as</source>
            <translation>Herunterladen als</translation>
        </message>
        <message>
            <source>Queued the download of {0} to {1}.</source>
            <translation>Download von {0} nach {1} eingereiht.</translation>
        </message>
        <message>
            <source>New folder</source>
            <translation>Neuer Ordner</translation>
        </message>
        <message>
            <source>Name of the new folder in /{0}:</source>
            <translation>Name des neuen Ordners in /{0}:</translation>
        </message>
        <message>
            <source>Folder {0} created.</source>
            <translation>Ordner {0} angelegt.</translation>
        </message>
        <message>
            <source>Rename / Move</source>
            <translation>Umbenennen / Verschieben</translation>
        </message>
        <message>
            <source>New name of '{0}' (a name with '/' moves it into that folder):</source>
            <translation>Neuer Name für „{0}“ (ein Name mit „/“ verschiebt es in diesen Ordner):</translation>
        </message>
        <message>
            <source>Replace existing objects?</source>
            <translation>Vorhandene Objekte ersetzen?</translation>
        </message>
        <message>
            <source>{0} at the target and would be replaced:
{1}</source>
            <translation>{0} am Ziel und würden ersetzt:
{1}</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Ersetzen</translation>
        </message>
        <message>
            <source>Nothing was moved.</source>
            <translation>Nichts wurde verschoben.</translation>
        </message>
        <message>
            <source>Checking the target…</source>
            <translation>Das Ziel wird geprüft …</translation>
        </message>
        <message>
            <source>Moving…</source>
            <translation>Wird verschoben …</translation>
        </message>
        <message>
            <source>This cannot be undone.</source>
            <translation>Dies kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>{0} objects could not be deleted (e.g. {1}: {2} {3}).</source>
            <translation>{0} Objekte konnten nicht gelöscht werden (z. B. {1}: {2} {3}).</translation>
        </message>
        <message>
            <source>Deleted {0}.</source>
            <translation>{0} gelöscht.</translation>
        </message>
        <message>
            <source>Counting the objects in the selected folders…</source>
            <translation>Die Objekte in den ausgewählten Ordnern werden gezählt …</translation>
        </message>
        <message>
            <source>Properties of {0} saved.</source>
            <translation>Eigenschaften von {0} gespeichert.</translation>
        </message>
        <message>
            <source>1 object</source>
            <translation>1 Objekt</translation>
        </message>
        <message>
            <source>{0} objects</source>
            <translation>{0} Objekte</translation>
        </message>
        <message>
            <source>1 file</source>
            <translation>1 Datei</translation>
        </message>
        <message>
            <source>{0} files</source>
            <translation>{0} Dateien</translation>
        </message>
        <message>
            <source>1 folder</source>
            <translation>1 Ordner</translation>
        </message>
        <message>
            <source>{0} folders</source>
            <translation>{0} Ordner</translation>
        </message>
        <message>
            <source>1 empty folder</source>
            <translation>1 leerer Ordner</translation>
        </message>
        <message>
            <source>{0} empty folders</source>
            <translation>{0} leere Ordner</translation>
        </message>
        <message>
            <source>1 download</source>
            <translation>1 Download</translation>
        </message>
        <message>
            <source>{0} downloads</source>
            <translation>{0} Downloads</translation>
        </message>
        <message>
            <source>1 write (Class A) request</source>
            <translation>1 Schreibanfrage (Klasse A)</translation>
        </message>
        <message>
            <source>{0} write (Class A) requests</source>
            <translation>{0} Schreibanfragen (Klasse A)</translation>
        </message>
        <message>
            <source>Delete {0}?</source>
            <translation>{0} löschen?</translation>
        </message>
        <message>
            <source>Delete the empty folder {0}?</source>
            <translation>Den leeren Ordner {0} löschen?</translation>
        </message>
        <message>
            <source>Delete {0} and the {1} in it?</source>
            <translation>{0} und die {1} darin löschen?</translation>
        </message>
        <message>
            <source>{0} holding {1}</source>
            <translation>{0} mit {1}</translation>
        </message>
        <message>
            <source>Delete {0} ({1}{2})? That is {3} in all.</source>
            <translation>{0} löschen ({1}{2})? Das sind insgesamt {3}.</translation>
        </message>
        <message>
            <source> and </source>
            <translation> und </translation>
        </message>
    </context>
    <context>
        <name>ObjectGrid</name>
        <message>
            <source>Objects as icons</source>
            <translation>Objekte als Symbole</translation>
        </message>
    </context>
    <context>
        <name>ObjectTableModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>Geändert</translation>
        </message>
        <message>
            <source>Storage class</source>
            <translation>Speicherklasse</translation>
        </message>
    </context>
    <context>
        <name>ObjectView</name>
        <message>
            <source>Objects</source>
            <translation>Objekte</translation>
        </message>
    </context>
    <context>
        <name>Opening</name>
        <message>
            <source>No connection: add one with New connection…</source>
            <translation>Keine Verbindung: Legen Sie eine mit „Neue Verbindung …“ an</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbinde …</translation>
        </message>
        <message>
            <source>Connection not valid</source>
            <translation>Verbindung ungültig</translation>
        </message>
        <message>
            <source>Secret moved into the keyring.</source>
            <translation>Geheimer Schlüssel in den Schlüsselbund verschoben.</translation>
        </message>
    </context>
    <context>
        <name>PathBar</name>
        <message>
            <source>Path</source>
            <translation>Pfad</translation>
        </message>
        <message>
            <source>Breadcrumbs</source>
            <translation>Pfadleiste</translation>
        </message>
        <message>
            <source>Path field</source>
            <translation>Pfadfeld</translation>
        </message>
        <message>
            <source>Type a folder path in the bucket and press Enter (Escape cancels)</source>
            <translation>Einen Ordnerpfad im Bucket eingeben und Eingabe drücken (Escape bricht ab)</translation>
        </message>
        <message>
            <source>folder/sub-folder/</source>
            <translation>ordner/unterordner/</translation>
        </message>
        <message>
            <source>Edit path</source>
            <translation>Pfad bearbeiten</translation>
        </message>
        <message>
            <source>Type a path (Ctrl+L)</source>
            <translation>Einen Pfad eingeben (Strg+L)</translation>
        </message>
        <message>
            <source>(no connection)</source>
            <translation>(keine Verbindung)</translation>
        </message>
        <message>
            <source>the bucket root</source>
            <translation>das Wurzelverzeichnis des Buckets</translation>
        </message>
        <message>
            <source>Go to {0}</source>
            <translation>Gehe zu {0}</translation>
        </message>
    </context>
    <context>
        <name>Places</name>
        <message>
            <source>Boo&amp;kmark this folder</source>
            <translation>Lesezeichen für diesen &amp;Ordner</translation>
        </message>
        <message>
            <source>Add the folder you are in to the bookmarks (Ctrl+D)</source>
            <translation>Den aktuellen Ordner zu den Lesezeichen hinzufügen (Strg+D)</translation>
        </message>
        <message>
            <source>&amp;Recent locations</source>
            <translation>Zu&amp;letzt besucht</translation>
        </message>
        <message>
            <source>{0} is no longer a connection here: it was deleted or renamed.</source>
            <translation>{0} ist hier keine Verbindung mehr: Sie wurde gelöscht oder umbenannt.</translation>
        </message>
        <message>
            <source>Connection not found</source>
            <translation>Verbindung nicht gefunden</translation>
        </message>
        <message>
            <source>The bookmark '{0}' is in the connection '{1}', which is no longer on this computer: it was deleted or renamed. Remove the bookmark? (To keep it, add a connection named '{1}' again.)</source>
            <translation>Das Lesezeichen „{0}“ gehört zur Verbindung „{1}“, die es auf diesem Computer nicht mehr gibt: Sie wurde gelöscht oder umbenannt. Lesezeichen entfernen? (Um es zu behalten, legen Sie wieder eine Verbindung namens „{1}“ an.)</translation>
        </message>
        <message>
            <source>Remove bookmark</source>
            <translation>Lesezeichen entfernen</translation>
        </message>
        <message>
            <source>{0} is no longer there: showing {1}, the nearest folder that is.</source>
            <translation>{0} gibt es nicht mehr: Angezeigt wird {1}, der nächste vorhandene Ordner.</translation>
        </message>
        <message>
            <source>Already bookmarked as '{0}'.</source>
            <translation>Bereits als „{0}“ in den Lesezeichen.</translation>
        </message>
        <message>
            <source>Bookmarked {0} as '{1}'.</source>
            <translation>Lesezeichen für {0} als „{1}“ gesetzt.</translation>
        </message>
        <message>
            <source>Rename bookmark</source>
            <translation>Lesezeichen umbenennen</translation>
        </message>
        <message>
            <source>New name for the bookmark of {0}:</source>
            <translation>Neuer Name für das Lesezeichen von {0}:</translation>
        </message>
        <message>
            <source>Type a name</source>
            <translation>Geben Sie einen Namen ein</translation>
        </message>
        <message>
            <source>Bookmark '{0}' removed.</source>
            <translation>Lesezeichen „{0}“ entfernt.</translation>
        </message>
        <message>
            <source>{0} (its connection {1} is no longer here)</source>
            <translation>{0} (seine Verbindung {1} gibt es hier nicht mehr)</translation>
        </message>
        <message>
            <source>{0} in {1}</source>
            <translation>{0} in {1}</translation>
        </message>
        <message>
            <source>No bookmarks yet</source>
            <translation>Noch keine Lesezeichen</translation>
        </message>
        <message>
            <source>{0} — {1}</source>
            <translation>{0} — {1}</translation>
        </message>
        <message>
            <source>No recent locations</source>
            <translation>Keine zuletzt besuchten Orte</translation>
        </message>
    </context>
    <context>
        <name>PreferencesActions</name>
        <message>
            <source>Pre&amp;ferences…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>Transfers, bandwidth, cache, links, deleting and language ({0})</source>
            <translation>Übertragungen, Bandbreite, Cache, Links, Löschen und Sprache ({0})</translation>
        </message>
        <message>
            <source>Copy si&amp;gned URL ({0})</source>
            <translation>Si&amp;gnierte URL kopieren ({0})</translation>
        </message>
        <message>
            <source>Copy a link valid for {0} (Ctrl+Shift+C)</source>
            <translation>Einen Link kopieren, der {0} gültig ist (Strg+Umschalt+C)</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Preference pages</source>
            <translation>Seiten der Einstellungen</translation>
        </message>
        <message>
            <source>&amp;Transfers</source>
            <translation>Übe&amp;rtragungen</translation>
        </message>
        <message>
            <source>&amp;Files</source>
            <translation>Dat&amp;eien</translation>
        </message>
        <message>
            <source>&amp;General</source>
            <translation>All&amp;gemein</translation>
        </message>
        <message>
            <source>Transfers at once</source>
            <translation>Gleichzeitige Übertragungen</translation>
        </message>
        <message>
            <source>How many files are uploaded or downloaded at the same time</source>
            <translation>Wie viele Dateien gleichzeitig hoch- oder heruntergeladen werden</translation>
        </message>
        <message>
            <source>Transfers at o&amp;nce:</source>
            <translation>Gleichzeitige Ü&amp;bertragungen:</translation>
        </message>
        <message>
            <source>Parts of one big file at once</source>
            <translation>Gleichzeitige Teile einer großen Datei</translation>
        </message>
        <message>
            <source>How many parts of one big file move at the same time (Automatic: 4, what suits most links; more can help a fast, distant one)</source>
            <translation>Wie viele Teile einer großen Datei gleichzeitig übertragen werden (Automatisch: 4, passend für die meisten Verbindungen; bei einer schnellen, weit entfernten Verbindung können mehr helfen)</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatisch</translation>
        </message>
        <message>
            <source>&amp;Parts of one big file at once:</source>
            <translation>&amp;Teile einer großen Datei gleichzeitig:</translation>
        </message>
        <message>
            <source>&amp;Upload limit:</source>
            <translation>&amp;Upload-Grenze:</translation>
        </message>
        <message>
            <source>Upload limit</source>
            <translation>Upload-Grenze</translation>
        </message>
        <message>
            <source>&amp;Download limit:</source>
            <translation>&amp;Download-Grenze:</translation>
        </message>
        <message>
            <source>Download limit</source>
            <translation>Download-Grenze</translation>
        </message>
        <message>
            <source>When an uploaded file is there already</source>
            <translation>Wenn eine hochgeladene Datei schon da ist</translation>
        </message>
        <message>
            <source>What an upload does when an object with the same key exists</source>
            <translation>Was ein Upload tut, wenn ein Objekt mit demselben Schlüssel existiert</translation>
        </message>
        <message>
            <source>Overwrite it</source>
            <translation>Überschreiben</translation>
        </message>
        <message>
            <source>Ask: replace, keep both or skip</source>
            <translation>Fragen: ersetzen, beide behalten oder überspringen</translation>
        </message>
        <message>
            <source>Skip the file</source>
            <translation>Die Datei überspringen</translation>
        </message>
        <message>
            <source>When the &amp;object exists:</source>
            <translation>Wenn das &amp;Objekt existiert:</translation>
        </message>
        <message>
            <source>No limit (e.g. 500k, 10M)</source>
            <translation>Keine Grenze (z. B. 500k, 10M)</translation>
        </message>
        <message>
            <source>Bytes per second for all transfers together: 500k, 10M, 1.5MiB/s; empty or 0 for no limit. Applies at once, to running transfers too.</source>
            <translation>Bytes pro Sekunde für alle Übertragungen zusammen: 500k, 10M, 1.5MiB/s; leer oder 0 für keine Grenze. Gilt sofort, auch für laufende Übertragungen.</translation>
        </message>
        <message>
            <source>Why the limit cannot be used</source>
            <translation>Warum die Grenze nicht verwendet werden kann</translation>
        </message>
        <message>
            <source>Cache size limit</source>
            <translation>Größe des Caches</translation>
        </message>
        <message>
            <source>Copies opened with Open or Edit are removed, oldest first, beyond this size; files being edited and edits not yet uploaded are always kept</source>
            <translation>Mit Öffnen oder Bearbeiten geholte Kopien werden über dieser Größe entfernt, die ältesten zuerst; Dateien in Bearbeitung und noch nicht hochgeladene Änderungen bleiben immer erhalten</translation>
        </message>
        <message>
            <source> MiB</source>
            <translation> MiB</translation>
        </message>
        <message>
            <source>Open/Edit &amp;cache size:</source>
            <translation>Größe des Öffnen/Bearbeiten-&amp;Caches:</translation>
        </message>
        <message>
            <source>Cache folder</source>
            <translation>Cache-Ordner</translation>
        </message>
        <message>
            <source>Where opened and edited files are kept (empty: the default folder)</source>
            <translation>Wo geöffnete und bearbeitete Dateien liegen (leer: der Standardordner)</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>Durch&amp;suchen…</translation>
        </message>
        <message>
            <source>Choose the cache folder</source>
            <translation>Den Cache-Ordner wählen</translation>
        </message>
        <message>
            <source>Why the folder cannot be used</source>
            <translation>Warum der Ordner nicht verwendet werden kann</translation>
        </message>
        <message>
            <source>Cache f&amp;older:</source>
            <translation>Cache-&amp;Ordner:</translation>
        </message>
        <message>
            <source>Thumbnail size limit</source>
            <translation>Größengrenze für Vorschaubilder</translation>
        </message>
        <message>
            <source>Objects larger than this get no thumbnail (they are never downloaded for one)</source>
            <translation>Größere Objekte bekommen kein Vorschaubild (sie werden dafür nie heruntergeladen)</translation>
        </message>
        <message>
            <source>Thu&amp;mbnails up to:</source>
            <translation>Vorschau&amp;bilder bis:</translation>
        </message>
        <message>
            <source>Signed URL expiry amount</source>
            <translation>Gültigkeitsdauer signierter URLs</translation>
        </message>
        <message>
            <source>How long a link copied with Copy signed URL (Ctrl+Shift+C) works</source>
            <translation>Wie lange ein mit „Signierte URL kopieren“ (Strg+Umschalt+C) kopierter Link funktioniert</translation>
        </message>
        <message>
            <source>Signed URL expiry unit</source>
            <translation>Einheit der Gültigkeitsdauer</translation>
        </message>
        <message>
            <source>Unit of the expiry</source>
            <translation>Einheit der Gültigkeitsdauer</translation>
        </message>
        <message>
            <source>Why the expiry cannot be used</source>
            <translation>Warum die Gültigkeitsdauer nicht verwendet werden kann</translation>
        </message>
        <message>
            <source>Signed URLs &amp;valid for:</source>
            <translation>Signierte URLs gültig &amp;für:</translation>
        </message>
        <message>
            <source>As&amp;k before deleting</source>
            <translation>Vor dem &amp;Löschen fragen</translation>
        </message>
        <message>
            <source>Off: Delete removes the selected objects without asking</source>
            <translation>Aus: Löschen entfernt die gewählten Objekte ohne Rückfrage</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>The language of r2desk's windows</source>
            <translation>Die Sprache der Fenster von r2desk</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Systemsprache</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>A new language is used the next time r2desk starts.</source>
            <translation>Eine neue Sprache gilt beim nächsten Start von r2desk.</translation>
        </message>
        <message>
            <source>Not a rate: write bytes per second such as 500k, 10M or 1.5MiB/s, or leave it empty for no limit.</source>
            <translation>Keine Rate: Bytes pro Sekunde angeben, etwa 500k, 10M oder 1.5MiB/s, oder leer lassen für keine Grenze.</translation>
        </message>
        <message>
            <source>Write the folder's full path (or leave it empty for the default folder).</source>
            <translation>Den vollständigen Pfad des Ordners angeben (oder leer lassen für den Standardordner).</translation>
        </message>
        <message>
            <source>R2 signs links for at most 7 days.</source>
            <translation>R2 signiert Links für höchstens 7 Tage.</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <source>Preview title</source>
            <translation>Vorschautitel</translation>
        </message>
        <message>
            <source>Preview message</source>
            <translation>Vorschaumeldung</translation>
        </message>
        <message>
            <source>Image preview</source>
            <translation>Bildvorschau</translation>
        </message>
        <message>
            <source>Text preview</source>
            <translation>Textvorschau</translation>
        </message>
        <message>
            <source>The start of the object's text</source>
            <translation>Der Anfang des Objekttextes</translation>
        </message>
        <message>
            <source>Select an image or a text file to preview it.</source>
            <translation>Ein Bild oder eine Textdatei auswählen, um die Vorschau zu sehen.</translation>
        </message>
        <message>
            <source>A folder.</source>
            <translation>Ein Ordner.</translation>
        </message>
        <message>
            <source>Loading preview…</source>
            <translation>Vorschau wird geladen …</translation>
        </message>
        <message>
            <source>No preview for this type of file.</source>
            <translation>Keine Vorschau für diesen Dateityp.</translation>
        </message>
        <message>
            <source>No preview for this type: .{0} images cannot be shown by this build.</source>
            <translation>Keine Vorschau für diesen Typ: .{0}-Bilder kann dieser Build nicht anzeigen.</translation>
        </message>
        <message>
            <source>Too large to preview ({0}; the limit is {1}).</source>
            <translation>Zu groß für eine Vorschau ({0}; die Grenze ist {1}).</translation>
        </message>
        <message>
            <source>{0} × {1} pixels</source>
            <translation>{0} × {1} Pixel</translation>
        </message>
        <message>
            <source>The preview could not be loaded: {0}.</source>
            <translation>Die Vorschau konnte nicht geladen werden: {0}.</translation>
        </message>
    </context>
    <context>
        <name>Prompts</name>
        <message>
            <source>Replace file?</source>
            <translation>Datei ersetzen?</translation>
        </message>
        <message>
            <source>{0} already exists in {1}.</source>
            <translation>{0} ist in {1} bereits vorhanden.</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Ersetzen</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>Beide behalten</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>Download over the existing file</source>
            <translation>Über die vorhandene Datei herunterladen</translation>
        </message>
        <message>
            <source>Download beside it under a new name, e.g. name (2).txt</source>
            <translation>Daneben unter einem neuen Namen herunterladen, z. B. name (2).txt</translation>
        </message>
        <message>
            <source>Leave the existing file and do not download this one</source>
            <translation>Die vorhandene Datei lassen und diese nicht herunterladen</translation>
        </message>
        <message>
            <source>Do the same for the other {0} existing files</source>
            <translation>Für die anderen {0} vorhandenen Dateien genauso verfahren</translation>
        </message>
        <message>
            <source>Replace object?</source>
            <translation>Objekt ersetzen?</translation>
        </message>
        <message>
            <source>Put it beside the existing one under a new name, e.g. name (2).txt</source>
            <translation>Neben das vorhandene unter neuem Namen legen, z. B. name (2).txt</translation>
        </message>
        <message>
            <source>Do the same for the other {0} existing objects</source>
            <translation>Für die anderen {0} vorhandenen Objekte genauso verfahren</translation>
        </message>
    </context>
    <context>
        <name>PropertiesDialog</name>
        <message>
            <source>Properties of {0}</source>
            <translation>Eigenschaften von {0}</translation>
        </message>
        <message>
            <source>Object properties</source>
            <translation>Objekteigenschaften</translation>
        </message>
        <message>
            <source>{0} (read only)</source>
            <translation>{0} (schreibgeschützt)</translation>
        </message>
        <message>
            <source>Key:</source>
            <translation>Schlüssel:</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Größe:</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Modified:</source>
            <translation>Geändert:</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>Geändert</translation>
        </message>
        <message>
            <source>ETag:</source>
            <translation>ETag:</translation>
        </message>
        <message>
            <source>ETag</source>
            <translation>ETag</translation>
        </message>
        <message>
            <source>Storage class:</source>
            <translation>Speicherklasse:</translation>
        </message>
        <message>
            <source>Storage class</source>
            <translation>Speicherklasse</translation>
        </message>
        <message>
            <source>Public URL:</source>
            <translation>Öffentliche URL:</translation>
        </message>
        <message>
            <source>Public URL</source>
            <translation>Öffentliche URL</translation>
        </message>
        <message>
            <source>Content type</source>
            <translation>Inhaltstyp</translation>
        </message>
        <message>
            <source>The Content-Type the object is served with</source>
            <translation>Der Content-Type, mit dem das Objekt ausgeliefert wird</translation>
        </message>
        <message>
            <source>Cache control</source>
            <translation>Cache-Steuerung</translation>
        </message>
        <message>
            <source>The Cache-Control header, e.g. max-age=3600</source>
            <translation>Der Cache-Control-Header, z. B. max-age=3600</translation>
        </message>
        <message>
            <source>e.g. public, max-age=3600</source>
            <translation>z. B. public, max-age=3600</translation>
        </message>
        <message>
            <source>Content &amp;type:</source>
            <translation>Inhalts&amp;typ:</translation>
        </message>
        <message>
            <source>&amp;Cache control:</source>
            <translation>&amp;Cache-Steuerung:</translation>
        </message>
        <message>
            <source>User &amp;metadata:</source>
            <translation>Benutzer-&amp;Metadaten:</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>User metadata</source>
            <translation>Benutzer-Metadaten</translation>
        </message>
        <message>
            <source>x-amz-meta-* entries; double-click a cell to edit it</source>
            <translation>x-amz-meta-*-Einträge; zum Bearbeiten auf eine Zelle doppelklicken</translation>
        </message>
        <message>
            <source>&amp;Add entry</source>
            <translation>Eintrag &amp;hinzufügen</translation>
        </message>
        <message>
            <source>Add a metadata entry</source>
            <translation>Einen Metadaten-Eintrag hinzufügen</translation>
        </message>
        <message>
            <source>Add metadata entry</source>
            <translation>Metadaten-Eintrag hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Remove entry</source>
            <translation>Eintrag &amp;entfernen</translation>
        </message>
        <message>
            <source>Remove the selected metadata entries</source>
            <translation>Die ausgewählten Metadaten-Einträge entfernen</translation>
        </message>
        <message>
            <source>Remove metadata entry</source>
            <translation>Metadaten-Eintrag entfernen</translation>
        </message>
        <message>
            <source>Save the content type, cache control and metadata (rewrites the object's headers)</source>
            <translation>Inhaltstyp, Cache-Steuerung und Metadaten speichern (schreibt die Header des Objekts neu)</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Speichern …</translation>
        </message>
    </context>
    <context>
        <name>ReadmeDialog</name>
        <message>
            <source>r2desk README</source>
            <translation>r2desk-README</translation>
        </message>
        <message>
            <source>README</source>
            <translation>README</translation>
        </message>
        <message>
            <source>README text</source>
            <translation>README-Text</translation>
        </message>
        <message>
            <source>The README is not part of this installation.</source>
            <translation>Die README ist nicht Teil dieser Installation.</translation>
        </message>
    </context>
    <context>
        <name>ResultModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>Geändert</translation>
        </message>
    </context>
    <context>
        <name>RulesTab</name>
        <message>
            <source>rules</source>
            <translation>Regeln</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Wird gelesen …</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>Regeln</translation>
        </message>
        <message>
            <source>&amp;Add rule</source>
            <translation>Regel &amp;hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Remove rule</source>
            <translation>Regel &amp;entfernen</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>The exact XML that Save sends:</source>
            <translation>Das genaue XML, das „Speichern“ sendet:</translation>
        </message>
        <message>
            <source>XML</source>
            <translation>XML</translation>
        </message>
        <message>
            <source>{0} {1} on {2}.</source>
            <translation>{0} {1} für {2}.</translation>
        </message>
        <message>
            <source>No {0} on {1}.</source>
            <translation>Keine {0} für {1}.</translation>
        </message>
        <message>
            <source>Not supported by this server.</source>
            <translation>Von diesem Server nicht unterstützt.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Speichern …</translation>
        </message>
    </context>
    <context>
        <name>SavedPairs</name>
        <message>
            <source>S&amp;ync pairs</source>
            <translation>S&amp;ynchronisierungspaare</translation>
        </message>
        <message>
            <source>Sync pairs</source>
            <translation>Synchronisierungspaare</translation>
        </message>
        <message>
            <source>Folders and buckets synced before; double-click to sync again</source>
            <translation>Zuvor synchronisierte Ordner und Buckets; doppelklicken, um erneut zu synchronisieren</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <source>any size</source>
            <extracomment>The most matches one search keeps (and shows); the scan stops there and says so. How often the worker hands a batch to the main thread (seconds), whatever the match rate.</extracomment>
            <translation>jede Größe</translation>
        </message>
        <message>
            <source>under 1 MiB</source>
            <translation>unter 1 MiB</translation>
        </message>
        <message>
            <source>1 MiB to 100 MiB</source>
            <translation>1 MiB bis 100 MiB</translation>
        </message>
        <message>
            <source>over 100 MiB</source>
            <translation>über 100 MiB</translation>
        </message>
        <message>
            <source>any time</source>
            <translation>jederzeit</translation>
        </message>
        <message>
            <source>last 24 hours</source>
            <translation>letzte 24 Stunden</translation>
        </message>
        <message>
            <source>last 7 days</source>
            <translation>letzte 7 Tage</translation>
        </message>
        <message>
            <source>last 30 days</source>
            <translation>letzte 30 Tage</translation>
        </message>
        <message>
            <source>last year</source>
            <translation>letztes Jahr</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Suchen</translation>
        </message>
        <message>
            <source>Search the bucket</source>
            <translation>Den Bucket durchsuchen</translation>
        </message>
        <message>
            <source>Name, or a pattern such as *.jpg</source>
            <translation>Name oder ein Muster wie *.jpg</translation>
        </message>
        <message>
            <source>Search for</source>
            <translation>Suchen nach</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>Geändert</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <source>In: {0}</source>
            <translation>In: {0}</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>Suchstatus</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Suchergebnisse</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Im Ordner zeigen</translation>
        </message>
        <message>
            <source>Download…</source>
            <translation>Herunterladen …</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Suche läuft …</translation>
        </message>
        <message>
            <source>{0} found in {1} scanned…</source>
            <translation>{0} gefunden in {1} durchsuchten …</translation>
        </message>
        <message>
            <source>{0} found in {1} objects</source>
            <translation>{0} gefunden in {1} Objekten</translation>
        </message>
        <message>
            <source>(stopped at {0}: narrow the search)</source>
            <translation>(angehalten bei {0}: Suche eingrenzen)</translation>
        </message>
        <message>
            <source>Search stopped: {0}</source>
            <translation>Suche angehalten: {0}</translation>
        </message>
    </context>
    <context>
        <name>SecretPlace</name>
        <message>
            <source>Checking the OS keyring…</source>
            <extracomment>The user picked (or the status preselected) another place.</extracomment>
            <translation>Schlüsselbund des Systems wird geprüft …</translation>
        </message>
        <message>
            <source>Keyring status</source>
            <translation>Status des Schlüsselbunds</translation>
        </message>
        <message>
            <source>Read it from {0} in the environment (nothing is saved)</source>
            <translation>Aus {0} in der Umgebung lesen (nichts wird gespeichert)</translation>
        </message>
        <message>
            <source>Read the secret from the environment</source>
            <translation>Den geheimen Schlüssel aus der Umgebung lesen</translation>
        </message>
        <message>
            <source>Leave the secret out of every file; r2desk reads {0} where it runs</source>
            <translation>Den geheimen Schlüssel aus allen Dateien heraushalten; r2desk liest {0} dort, wo es läuft</translation>
        </message>
        <message>
            <source>Keep it in PLAIN TEXT in this connection's file (anyone who can read your files can use it)</source>
            <translation>Im KLARTEXT in der Verbindungsdatei speichern (wer Ihre Dateien lesen kann, kann ihn nutzen)</translation>
        </message>
        <message>
            <source>Keep the secret in plain text</source>
            <translation>Den geheimen Schlüssel im Klartext speichern</translation>
        </message>
        <message>
            <source>The secret goes into the connection's config file (readable by you only); r2desk offers to move it into the keyring once one is available</source>
            <translation>Der geheime Schlüssel kommt in die Konfigurationsdatei der Verbindung (nur für Sie lesbar); r2desk bietet an, ihn in den Schlüsselbund zu verschieben, sobald einer verfügbar ist</translation>
        </message>
        <message>
            <source>No OS keyring is available, so r2desk cannot keep the secret safely. Choose where it comes from instead:</source>
            <translation>Kein Schlüsselbund des Systems verfügbar, daher kann r2desk den geheimen Schlüssel nicht sicher aufbewahren. Wählen Sie stattdessen, woher er kommt:</translation>
        </message>
        <message>
            <source>The secret is kept in the OS keyring ({0}).</source>
            <translation>Der geheime Schlüssel wird im Schlüsselbund des Systems aufbewahrt ({0}).</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Connections panel</source>
            <extracomment>The location to browse: an element's name, or ``name@bucket`` for another bucket of it ("" when none is left).</extracomment>
            <translation>Verbindungsbereich</translation>
        </message>
        <message>
            <source>&amp;Connections</source>
            <translation>&amp;Verbindungen</translation>
        </message>
        <message>
            <source>Connections</source>
            <translation>Verbindungen</translation>
        </message>
        <message>
            <source>Your storage connections; choose one to browse its bucket, expand it to see its other buckets; drop objects on one to copy them there</source>
            <translation>Ihre Speicherverbindungen; eine auswählen, um ihren Bucket zu durchsuchen, aufklappen, um ihre anderen Buckets zu sehen; Objekte darauf ablegen, um sie dorthin zu kopieren</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>Neu …</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Bearbeiten …</translation>
        </message>
        <message>
            <source>Duplicate…</source>
            <translation>Duplizieren …</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen …</translation>
        </message>
        <message>
            <source>Delete connection</source>
            <translation>Verbindung löschen</translation>
        </message>
        <message>
            <source>Remove the connection '{0}' from this computer? Its secret is removed from the keyring; the bucket and its objects are not touched.</source>
            <translation>Die Verbindung „{0}“ von diesem Computer entfernen? Ihr geheimer Schlüssel wird aus dem Schlüsselbund entfernt; der Bucket und seine Objekte bleiben unberührt.</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Connection '{0}' removed.</source>
            <translation>Verbindung „{0}“ entfernt.</translation>
        </message>
    </context>
    <context>
        <name>StorageClassActions</name>
        <message>
            <source>Infrequent Access bills each object for at least 30 days of storage (deleting or moving it back sooner still costs the 30 days) and charges a fee per GB read back.</source>
            <extracomment>The core's Infrequent Access terms (r2desk.storages.bucket_rules.IA_TERMS), written out here so Qt Linguist sees them; a test keeps the two the same.</extracomment>
            <translation>Infrequent Access berechnet jedes Objekt für mindestens 30 Tage Speicherung (auch Löschen oder früheres Zurückverschieben kostet die 30 Tage) und erhebt eine Gebühr pro gelesenem GB.</translation>
        </message>
        <message>
            <source>Storage c&amp;lass</source>
            <translation>Speicher&amp;klasse</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Infrequent Access (30-day minimum)</source>
            <translation>Infrequent Access (mindestens 30 Tage)</translation>
        </message>
        <message>
            <source>1 object</source>
            <translation>1 Objekt</translation>
        </message>
        <message>
            <source>{0} objects</source>
            <translation>{0} Objekte</translation>
        </message>
        <message>
            <source>Move to Infrequent Access</source>
            <translation>Nach Infrequent Access verschieben</translation>
        </message>
        <message>
            <source>Move {0} to Infrequent Access? {1}</source>
            <translation>{0} nach Infrequent Access verschieben? {1}</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Verschieben</translation>
        </message>
        <message>
            <source>Changing the storage class of {0}…</source>
            <translation>Speicherklasse von {0} wird geändert …</translation>
        </message>
        <message>
            <source>{0} object(s) now {1}.</source>
            <translation>{0} Objekt(e) jetzt {1}.</translation>
        </message>
    </context>
    <context>
        <name>SyncActions</name>
        <message>
            <source>S&amp;ynchronize…</source>
            <translation>S&amp;ynchronisieren …</translation>
        </message>
        <message>
            <source>Sync a local folder and a bucket prefix, or two prefixes</source>
            <translation>Einen lokalen Ordner mit einem Bucket-Präfix synchronisieren, oder zwei Präfixe</translation>
        </message>
        <message>
            <source>&amp;Compare…</source>
            <translation>&amp;Vergleichen …</translation>
        </message>
        <message>
            <source>Show what differs between two places; change nothing</source>
            <translation>Zeigen, was sich zwischen zwei Orten unterscheidet; nichts ändern</translation>
        </message>
        <message>
            <source>&amp;Sync</source>
            <translation>&amp;Synchronisieren</translation>
        </message>
    </context>
    <context>
        <name>SyncDialog</name>
        <message>
            <source>Compare</source>
            <translation>Vergleichen</translation>
        </message>
        <message>
            <source>Synchronize</source>
            <translation>Synchronisieren</translation>
        </message>
        <message>
            <source>&amp;Source:</source>
            <translation>&amp;Quelle:</translation>
        </message>
        <message>
            <source>&amp;Target:</source>
            <translation>&amp;Ziel:</translation>
        </message>
        <message>
            <source>Source → target (one-way)</source>
            <translation>Quelle → Ziel (in eine Richtung)</translation>
        </message>
        <message>
            <source>Both ways (two-way)</source>
            <translation>In beide Richtungen</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Richtung</translation>
        </message>
        <message>
            <source>Two-way remembers the last sync, so a deletion on one side is not undone</source>
            <translation>„In beide Richtungen“ merkt sich die letzte Synchronisierung, damit ein Löschen auf einer Seite nicht rückgängig gemacht wird</translation>
        </message>
        <message>
            <source>&amp;Direction:</source>
            <translation>&amp;Richtung:</translation>
        </message>
        <message>
            <source>&amp;Delete what the source does not have</source>
            <translation>&amp;Löschen, was die Quelle nicht hat</translation>
        </message>
        <message>
            <source>One-way: remove files of the target the source lacks</source>
            <translation>In eine Richtung: Dateien im Ziel entfernen, die der Quelle fehlen</translation>
        </message>
        <message>
            <source>Compare &amp;checksums (slower, ignores times)</source>
            <translation>&amp;Prüfsummen vergleichen (langsamer, ignoriert Zeiten)</translation>
        </message>
        <message>
            <source>Ask me</source>
            <translation>Mich fragen</translation>
        </message>
        <message>
            <source>Newer wins</source>
            <translation>Neuere gewinnt</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>Beide behalten</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>When both sides changed</source>
            <translation>Wenn beide Seiten geändert wurden</translation>
        </message>
        <message>
            <source>When &amp;both changed:</source>
            <translation>Wenn &amp;beide geändert:</translation>
        </message>
        <message>
            <source>Sync status</source>
            <translation>Synchronisierungsstatus</translation>
        </message>
        <message>
            <source>Sync progress</source>
            <translation>Synchronisierungsfortschritt</translation>
        </message>
        <message>
            <source>&amp;Compare</source>
            <translation>&amp;Vergleichen</translation>
        </message>
        <message>
            <source>Show what differs; nothing is changed</source>
            <translation>Zeigen, was sich unterscheidet; nichts wird geändert</translation>
        </message>
        <message>
            <source>S&amp;ynchronize</source>
            <translation>S&amp;ynchronisieren</translation>
        </message>
        <message>
            <source>Carry out the checked items</source>
            <translation>Die markierten Elemente ausführen</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>An&amp;halten</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>a local folder, or ELEMENT[@bucket]:prefix</source>
            <translation>ein lokaler Ordner, oder ELEMENT[@bucket]:präfix</translation>
        </message>
        <message>
            <source>Folder…</source>
            <translation>Ordner …</translation>
        </message>
        <message>
            <source>Choose a local folder</source>
            <translation>Einen lokalen Ordner auswählen</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Einen Ordner auswählen</translation>
        </message>
        <message>
            <source>source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>target</source>
            <translation>Ziel</translation>
        </message>
        <message>
            <source>Comparing…</source>
            <translation>Wird verglichen …</translation>
        </message>
        <message>
            <source>{0} to copy</source>
            <translation>{0} zu kopieren</translation>
        </message>
        <message>
            <source>{0} to delete</source>
            <translation>{0} zu löschen</translation>
        </message>
        <message>
            <source>{0} conflicts</source>
            <translation>{0} Konflikte</translation>
        </message>
        <message>
            <source>{0} the same</source>
            <translation>{0} gleich</translation>
        </message>
        <message>
            <source>{0} cannot be synced (see why)</source>
            <translation>{0} nicht synchronisierbar (siehe Grund)</translation>
        </message>
        <message>
            <source>Both sides hold the same files.</source>
            <translation>Beide Seiten enthalten dieselben Dateien.</translation>
        </message>
        <message>
            <source>Synchronizing…</source>
            <translation>Wird synchronisiert …</translation>
        </message>
        <message>
            <source>Done: {0} items carried out.</source>
            <translation>Fertig: {0} Elemente ausgeführt.</translation>
        </message>
        <message>
            <source>{0} failed; first: {1}</source>
            <translation>{0} fehlgeschlagen; erster: {1}</translation>
        </message>
        <message>
            <source>Something went wrong: {0}</source>
            <translation>Etwas ist schiefgegangen: {0}</translation>
        </message>
    </context>
    <context>
        <name>TransferPanel</name>
        <message>
            <source>Transfer queue</source>
            <extracomment>Show a transfer's object in the listing (its element and key). Asks before something that cannot be undone: (title, text, action) -&gt; yes.</extracomment>
            <translation>Übertragungswarteschlange</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausieren</translation>
        </message>
        <message>
            <source>Pause the queue (running transfers stop and wait)</source>
            <translation>Die Warteschlange pausieren (laufende Übertragungen halten an und warten)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Cancel the selected transfers (all unfinished ones when none is selected)</source>
            <translation>Die ausgewählten Übertragungen abbrechen (alle unfertigen, wenn keine ausgewählt ist)</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <source>Retry the selected failed or cancelled transfers (all of them when none is selected)</source>
            <translation>Die ausgewählten fehlgeschlagenen oder abgebrochenen Übertragungen wiederholen (alle, wenn keine ausgewählt ist)</translation>
        </message>
        <message>
            <source>Clear finished</source>
            <translation>Abgeschlossene entfernen</translation>
        </message>
        <message>
            <source>Remove done, failed and cancelled transfers from the list</source>
            <translation>Erledigte, fehlgeschlagene und abgebrochene Übertragungen aus der Liste entfernen</translation>
        </message>
        <message>
            <source>&amp;At once:</source>
            <translation>&amp;Gleichzeitig:</translation>
        </message>
        <message>
            <source>How many transfers run at the same time</source>
            <translation>Wie viele Übertragungen gleichzeitig laufen</translation>
        </message>
        <message>
            <source>Transfers at once</source>
            <translation>Gleichzeitige Übertragungen</translation>
        </message>
        <message>
            <source>Transfers</source>
            <translation>Übertragungen</translation>
        </message>
        <message>
            <source>Uploads and downloads; select rows to cancel or retry them</source>
            <translation>Uploads und Downloads; Zeilen auswählen, um sie abzubrechen oder zu wiederholen</translation>
        </message>
        <message>
            <source>{0} ({1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pausieren</translation>
        </message>
        <message>
            <source>Pause the selected transfers, or the whole queue</source>
            <translation>Die ausgewählten Übertragungen pausieren, oder die ganze Warteschlange</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Fortsetzen</translation>
        </message>
        <message>
            <source>Resume the selected transfers, or the whole queue</source>
            <translation>Die ausgewählten Übertragungen fortsetzen, oder die ganze Warteschlange</translation>
        </message>
        <message>
            <source>&amp;Cancel…</source>
            <translation>&amp;Abbrechen …</translation>
        </message>
        <message>
            <source>Cancel the selected transfers (all unfinished ones, after asking, when none is selected)</source>
            <translation>Die ausgewählten Übertragungen abbrechen (alle unfertigen nach Rückfrage, wenn keine ausgewählt ist)</translation>
        </message>
        <message>
            <source>Re&amp;try</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>C&amp;lear finished</source>
            <translation>Abgeschlossene &amp;entfernen</translation>
        </message>
        <message>
            <source>Show in &amp;listing</source>
            <translation>In der &amp;Liste zeigen</translation>
        </message>
        <message>
            <source>Go to the selected transfer's object in the listing (or double-click it)</source>
            <translation>Zum Objekt der ausgewählten Übertragung in der Liste gehen (oder doppelklicken)</translation>
        </message>
        <message>
            <source>Open local &amp;folder</source>
            <translation>Lokalen &amp;Ordner öffnen</translation>
        </message>
        <message>
            <source>Open the folder of the selected transfer's local file in the file manager</source>
            <translation>Den Ordner der lokalen Datei der ausgewählten Übertragung im Dateimanager öffnen</translation>
        </message>
        <message>
            <source>Cancel transfers?</source>
            <translation>Übertragungen abbrechen?</translation>
        </message>
        <message>
            <source>Nothing is selected: cancel {0}?</source>
            <translation>Nichts ist ausgewählt: {0} abbrechen?</translation>
        </message>
        <message>
            <source>Cancel all</source>
            <translation>Alle abbrechen</translation>
        </message>
        <message>
            <source>Resume the queue</source>
            <translation>Die Warteschlange fortsetzen</translation>
        </message>
        <message>
            <source>Bandwidth limit</source>
            <translation>Bandbreitengrenze</translation>
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
            <translation>Grenze: {0}</translation>
        </message>
        <message>
            <source>Bandwidth limit of all transfers (Edit → Preferences)</source>
            <translation>Bandbreitengrenze aller Übertragungen (Bearbeiten → Einstellungen)</translation>
        </message>
    </context>
    <context>
        <name>TransferQueue</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>Geschwindigkeit</translation>
        </message>
        <message>
            <source>ETA</source>
            <translation>Restzeit</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>UnfinishedUploadsDialog</name>
        <message>
            <source>Key</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Begonnen</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Alter</translation>
        </message>
        <message>
            <source>Parts</source>
            <translation>Teile</translation>
        </message>
        <message>
            <source>Uploaded</source>
            <translation>Hochgeladen</translation>
        </message>
        <message>
            <source>Resumable from</source>
            <translation>Fortsetzbar ab</translation>
        </message>
        <message>
            <source>Expires in</source>
            <translation>Läuft ab in</translation>
        </message>
        <message>
            <source>Unfinished uploads: {0}</source>
            <translation>Unvollständige Uploads: {0}</translation>
        </message>
        <message>
            <source>Parts of an unfinished upload are stored (and billed) until it is completed or aborted. R2 aborts them after 7 days unless a lifecycle rule says otherwise.</source>
            <translation>Teile eines unvollständigen Uploads werden gespeichert (und berechnet), bis er abgeschlossen oder abgebrochen wird. R2 bricht sie nach 7 Tagen ab, sofern keine Lebenszyklusregel etwas anderes bestimmt.</translation>
        </message>
        <message>
            <source>Unfinished uploads</source>
            <translation>Unvollständige Uploads</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Fortsetzen</translation>
        </message>
        <message>
            <source>&amp;Abort</source>
            <translation>A&amp;bbrechen</translation>
        </message>
        <message>
            <source>Abort &amp;older than</source>
            <translation>Abbrechen, wenn älter &amp;als</translation>
        </message>
        <message>
            <source> days</source>
            <translation> Tage</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Tage</translation>
        </message>
        <message>
            <source>Reading the unfinished uploads…</source>
            <translation>Die unvollständigen Uploads werden gelesen …</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>no (not from this computer)</source>
            <translation>nein (nicht von diesem Computer)</translation>
        </message>
        <message>
            <source>{0} unfinished upload(s).</source>
            <translation>{0} unvollständige(r) Upload(s).</translation>
        </message>
        <message>
            <source>No unfinished uploads in {0}.</source>
            <translation>Keine unvollständigen Uploads in {0}.</translation>
        </message>
        <message>
            <source>Resuming {0} from {1}…</source>
            <translation>{0} wird ab {1} fortgesetzt …</translation>
        </message>
        <message>
            <source>Finished {0} ({1}).</source>
            <translation>{0} abgeschlossen ({1}).</translation>
        </message>
        <message>
            <source>Aborted {0} unfinished upload(s).</source>
            <translation>{0} unvollständige(n) Upload(s) abgebrochen.</translation>
        </message>
    </context>
    <context>
        <name>UploadConflicts</name>
        <message>
            <source>Looking for files that are there already…</source>
            <translation>Suche nach Dateien, die schon da sind…</translation>
        </message>
        <message>
            <source>Skipped 1 file that is there already.</source>
            <translation>1 Datei übersprungen, die schon da ist.</translation>
        </message>
        <message>
            <source>Skipped {0} files that are there already.</source>
            <translation>{0} Dateien übersprungen, die schon da sind.</translation>
        </message>
    </context>
    <context>
        <name>WelcomeView</name>
        <message>
            <source>Welcome</source>
            <translation>Willkommen</translation>
        </message>
        <message>
            <source>Welcome to r2desk</source>
            <translation>Willkommen bei r2desk</translation>
        </message>
        <message>
            <source>r2desk is a file manager for Cloudflare R2 and other S3-compatible storage: browse buckets, drag files in to upload, download, share links.</source>
            <translation>r2desk ist ein Dateimanager für Cloudflare R2 und andere S3-kompatible Speicher: Buckets durchsuchen, Dateien zum Hochladen hineinziehen, herunterladen, Links teilen.</translation>
        </message>
        <message>
            <source>&amp;Add a connection…</source>
            <translation>Verbindung &amp;hinzufügen …</translation>
        </message>
        <message>
            <source>Enter the endpoint, bucket and keys of your storage</source>
            <translation>Endpunkt, Bucket und Schlüssel Ihres Speichers eingeben</translation>
        </message>
        <message>
            <source>Add a connection</source>
            <translation>Eine Verbindung hinzufügen</translation>
        </message>
        <message>
            <source>Open the &amp;demo</source>
            <translation>&amp;Demo öffnen</translation>
        </message>
        <message>
            <source>Try r2desk on a local demo bucket with sample files (no account needed)</source>
            <translation>r2desk an einem lokalen Demo-Bucket mit Beispieldateien ausprobieren (kein Konto nötig)</translation>
        </message>
        <message>
            <source>Open the demo</source>
            <translation>Demo öffnen</translation>
        </message>
    </context>
    <context>
        <name>WindowActions</name>
        <message>
            <source>&amp;Back</source>
            <extracomment>The expiry submenu of "Copy signed URL" (seconds); "Custom…" asks for up to 7 days. The styles' plain black arrows: drawn in the palette's text colour so they show on a dark one.</extracomment>
            <translation>&amp;Zurück</translation>
        </message>
        <message>
            <source>Go back (Alt+Left)</source>
            <translation>Zurück (Alt+Links)</translation>
        </message>
        <message>
            <source>&amp;Forward</source>
            <translation>&amp;Vorwärts</translation>
        </message>
        <message>
            <source>Go forward (Alt+Right)</source>
            <translation>Vorwärts (Alt+Rechts)</translation>
        </message>
        <message>
            <source>&amp;Up</source>
            <translation>&amp;Hoch</translation>
        </message>
        <message>
            <source>Go to the parent folder (Backspace, Alt+Up)</source>
            <translation>Zum übergeordneten Ordner (Rücktaste, Alt+Hoch)</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <source>List this folder again (F5)</source>
            <translation>Diesen Ordner erneut auflisten (F5)</translation>
        </message>
        <message>
            <source>Edit &amp;path</source>
            <translation>&amp;Pfad bearbeiten</translation>
        </message>
        <message>
            <source>Type a path (Ctrl+L)</source>
            <translation>Einen Pfad eingeben (Strg+L)</translation>
        </message>
        <message>
            <source>&amp;Filter</source>
            <translation>&amp;Filtern</translation>
        </message>
        <message>
            <source>Filter the listing by name (Ctrl+F)</source>
            <translation>Die Liste nach Namen filtern (Strg+F)</translation>
        </message>
        <message>
            <source>&amp;New folder…</source>
            <translation>&amp;Neuer Ordner …</translation>
        </message>
        <message>
            <source>Create a folder here (Ctrl+Shift+N)</source>
            <translation>Hier einen Ordner anlegen (Strg+Umschalt+N)</translation>
        </message>
        <message>
            <source>Upload &amp;files…</source>
            <translation>&amp;Dateien hochladen …</translation>
        </message>
        <message>
            <source>Choose files to upload here (Ctrl+U)</source>
            <translation>Dateien auswählen, die hierher hochgeladen werden (Strg+U)</translation>
        </message>
        <message>
            <source>Upload f&amp;older…</source>
            <translation>&amp;Ordner hochladen …</translation>
        </message>
        <message>
            <source>Choose a folder to upload here, with its sub-folders</source>
            <translation>Einen Ordner mit seinen Unterordnern auswählen, der hierher hochgeladen wird</translation>
        </message>
        <message>
            <source>&amp;Download…</source>
            <translation>&amp;Herunterladen …</translation>
        </message>
        <message>
            <source>Download the selected files and folders (Ctrl+Shift+D)</source>
            <translation>Die ausgewählten Dateien und Ordner herunterladen (Strg+Umschalt+D)</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>Ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Open the folder, or the file with its application (Enter)</source>
            <translation>Den Ordner öffnen, oder die Datei mit ihrer Anwendung (Eingabe)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <source>Copy the selected objects and folders (Ctrl+C)</source>
            <translation>Die ausgewählten Objekte und Ordner kopieren (Strg+C)</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Ausschneiden</translation>
        </message>
        <message>
            <source>Cut the selected objects and folders, to move them (Ctrl+X)</source>
            <translation>Die ausgewählten Objekte und Ordner ausschneiden, um sie zu verschieben (Strg+X)</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Einfügen</translation>
        </message>
        <message>
            <source>Paste copied objects, or files copied in your file manager, into this folder (Ctrl+V)</source>
            <translation>Kopierte Objekte oder im Dateimanager kopierte Dateien in diesen Ordner einfügen (Strg+V)</translation>
        </message>
        <message>
            <source>&amp;Edit in place</source>
            <translation>Direkt &amp;bearbeiten</translation>
        </message>
        <message>
            <source>Open the file for editing: each save is uploaded back (Ctrl+E)</source>
            <translation>Die Datei zum Bearbeiten öffnen: Jedes Speichern wird zurück hochgeladen (Strg+E)</translation>
        </message>
        <message>
            <source>&amp;Search…</source>
            <translation>&amp;Suchen …</translation>
        </message>
        <message>
            <source>Search the whole bucket below this folder (Ctrl+Shift+F)</source>
            <translation>Den ganzen Bucket unterhalb dieses Ordners durchsuchen (Strg+Umschalt+F)</translation>
        </message>
        <message>
            <source>Rena&amp;me / Move…</source>
            <translation>&amp;Umbenennen / Verschieben …</translation>
        </message>
        <message>
            <source>Rename or move the selected object or folder (F2)</source>
            <translation>Das ausgewählte Objekt oder den Ordner umbenennen oder verschieben (F2)</translation>
        </message>
        <message>
            <source>De&amp;lete…</source>
            <translation>&amp;Löschen …</translation>
        </message>
        <message>
            <source>Delete the selected objects and folders (Del)</source>
            <translation>Die ausgewählten Objekte und Ordner löschen (Entf)</translation>
        </message>
        <message>
            <source>Proper&amp;ties…</source>
            <translation>&amp;Eigenschaften …</translation>
        </message>
        <message>
            <source>Show and edit the object's properties (Alt+Enter)</source>
            <translation>Die Eigenschaften des Objekts zeigen und bearbeiten (Alt+Eingabe)</translation>
        </message>
        <message>
            <source>Copy p&amp;ublic URL</source>
            <translation>Ö&amp;ffentliche URL kopieren</translation>
        </message>
        <message>
            <source>Copy the public URL (needs the connection's public base URL)</source>
            <translation>Die öffentliche URL kopieren (braucht die öffentliche Basis-URL der Verbindung)</translation>
        </message>
        <message>
            <source>Copy si&amp;gned URL (1 hour)</source>
            <translation>Si&amp;gnierte URL kopieren (1 Stunde)</translation>
        </message>
        <message>
            <source>Copy a link valid for 1 hour (Ctrl+Shift+C)</source>
            <translation>Einen 1 Stunde gültigen Link kopieren (Strg+Umschalt+C)</translation>
        </message>
        <message>
            <source>Copy si&amp;gned URL</source>
            <extracomment>"Storage class" for selected files (``gui/buckets/storage_class``), set by the window.</extracomment>
            <translation>Si&amp;gnierte URL kopieren</translation>
        </message>
        <message>
            <source>Copy a presigned link that works without credentials</source>
            <translation>Einen vorsignierten Link kopieren, der ohne Zugangsdaten funktioniert</translation>
        </message>
        <message>
            <source>Valid for {0}</source>
            <translation>Gültig für {0}</translation>
        </message>
        <message>
            <source>Copy a link that stops working after {0}</source>
            <translation>Einen Link kopieren, der nach {0} nicht mehr funktioniert</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Benutzerdefiniert …</translation>
        </message>
        <message>
            <source>Choose how long the link works (at most 7 days)</source>
            <translation>Wählen, wie lange der Link funktioniert (höchstens 7 Tage)</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>&amp;Alles auswählen</translation>
        </message>
        <message>
            <source>Select every listed entry</source>
            <translation>Jeden aufgelisteten Eintrag auswählen</translation>
        </message>
        <message>
            <source>&amp;New connection…</source>
            <translation>&amp;Neue Verbindung …</translation>
        </message>
        <message>
            <source>Add a storage connection</source>
            <translation>Eine Speicherverbindung hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Edit connection…</source>
            <translation>Verbindung &amp;bearbeiten …</translation>
        </message>
        <message>
            <source>Edit the selected connection</source>
            <translation>Die ausgewählte Verbindung bearbeiten</translation>
        </message>
        <message>
            <source>D&amp;uplicate connection…</source>
            <translation>Verbindung d&amp;uplizieren …</translation>
        </message>
        <message>
            <source>Copy the selected connection</source>
            <translation>Die ausgewählte Verbindung kopieren</translation>
        </message>
        <message>
            <source>Delete co&amp;nnection…</source>
            <translation>Verbindung lö&amp;schen …</translation>
        </message>
        <message>
            <source>Remove the selected connection</source>
            <translation>Die ausgewählte Verbindung entfernen</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>B&amp;eenden</translation>
        </message>
        <message>
            <source>Quit r2desk (Ctrl+Q)</source>
            <translation>r2desk beenden (Strg+Q)</translation>
        </message>
        <message>
            <source>&amp;About r2desk</source>
            <translation>Ü&amp;ber r2desk</translation>
        </message>
        <message>
            <source>Version, licence, and where r2desk keeps its settings and logs</source>
            <translation>Version, Lizenz und wo r2desk seine Einstellungen und Protokolle ablegt</translation>
        </message>
        <message>
            <source>&amp;README</source>
            <translation>&amp;README</translation>
        </message>
        <message>
            <source>How to use r2desk (F1)</source>
            <translation>So benutzen Sie r2desk (F1)</translation>
        </message>
        <message>
            <source>&amp;Preview pane</source>
            <translation>&amp;Vorschaubereich</translation>
        </message>
        <message>
            <source>Show or hide the preview pane (F3)</source>
            <translation>Den Vorschaubereich zeigen oder verbergen (F3)</translation>
        </message>
        <message>
            <source>Sort names in &amp;byte order</source>
            <translation>Namen in &amp;Byte-Reihenfolge sortieren</translation>
        </message>
        <message>
            <source>Order names as the store does (by UTF-8 bytes: 'B' before 'a', 'file10' before 'file2') instead of the natural order</source>
            <translation>Namen so ordnen wie der Speicher (nach UTF-8-Bytes: „B“ vor „a“, „file10“ vor „file2“) statt in natürlicher Reihenfolge</translation>
        </message>
        <message>
            <source>&amp;Icons</source>
            <translation>S&amp;ymbole</translation>
        </message>
        <message>
            <source>Show the folder as a grid of icons and thumbnails (Ctrl+1)</source>
            <translation>Den Ordner als Raster aus Symbolen und Miniaturbildern zeigen (Strg+1)</translation>
        </message>
        <message>
            <source>&amp;Details</source>
            <translation>&amp;Details</translation>
        </message>
        <message>
            <source>Show the folder as a table of names, sizes and dates (Ctrl+2)</source>
            <translation>Den Ordner als Tabelle mit Namen, Größen und Daten zeigen (Strg+2)</translation>
        </message>
        <message>
            <source>T&amp;humbnails in list</source>
            <translation>&amp;Miniaturbilder in der Liste</translation>
        </message>
        <message>
            <source>Show small thumbnails of images in the details table too</source>
            <translation>Kleine Miniaturbilder von Bildern auch in der Detailtabelle zeigen</translation>
        </message>
        <message>
            <source>The connection editor is not available in this build</source>
            <extracomment>The connection editor ships in this build (the sidebar's buttons need it).</extracomment>
            <translation>Der Verbindungseditor ist in diesem Build nicht verfügbar</translation>
        </message>
        <message>
            <source>&amp;Transfers</source>
            <translation>Übe&amp;rtragungen</translation>
        </message>
        <message>
            <source>Show or hide the transfer queue (Ctrl+T)</source>
            <translation>Die Übertragungswarteschlange zeigen oder verbergen (Strg+T)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Gehe zu</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>r2desk (demo)</source>
            <extracomment>Threads of the app's pool: transfers (their own limit) plus listings, previews and edits.</extracomment>
            <translation>r2desk (Demo)</translation>
        </message>
        <message>
            <source>Preparing the demo…</source>
            <translation>Die Demo wird vorbereitet …</translation>
        </message>
        <message>
            <source>Starting a local S3-compatible server inside r2desk and filling a demo bucket with sample files. Nothing here touches your account or the internet.</source>
            <translation>Ein lokaler S3-kompatibler Server wird in r2desk gestartet und ein Demo-Bucket mit Beispieldateien gefüllt. Nichts davon berührt Ihr Konto oder das Internet.</translation>
        </message>
        <message>
            <source>The demo could not be started</source>
            <translation>Die Demo konnte nicht gestartet werden</translation>
        </message>
    </context>
    <context>
        <name>box</name>
        <message>
            <source>Changed on the server</source>
            <extracomment>Quiet time after the last change before a save is uploaded.</extracomment>
            <translation>Auf dem Server geändert</translation>
        </message>
        <message>
            <source>“{0}” was deleted on the server since you opened it.</source>
            <translation>„{0}“ wurde auf dem Server gelöscht, seit Sie es geöffnet haben.</translation>
        </message>
        <message>
            <source>“{0}” was changed on the server since you opened it.</source>
            <translation>„{0}“ wurde auf dem Server geändert, seit Sie es geöffnet haben.</translation>
        </message>
        <message>
            <source>Your edit is kept in {0}. Replace the server's version with yours?</source>
            <translation>Ihre Änderung bleibt in {0} erhalten. Die Version auf dem Server durch Ihre ersetzen?</translation>
        </message>
        <message>
            <source>Overwrite</source>
            <translation>Überschreiben</translation>
        </message>
        <message>
            <source>Save as a copy</source>
            <translation>Als Kopie speichern</translation>
        </message>
        <message>
            <source>Discard my edit</source>
            <translation>Meine Änderung verwerfen</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>Weiter bearbeiten</translation>
        </message>
    </context>
    <context>
        <name>keyring</name>
        <message>
            <source>Move the secret into the keyring?</source>
            <translation>Den geheimen Schlüssel in den Schlüsselbund verschieben?</translation>
        </message>
        <message>
            <source>The connection {0} keeps its secret access key in plain text in
{1}

Anyone who can read that file can use your bucket. Move the secret into the OS keyring? The file keeps everything else.</source>
            <translation>Die Verbindung {0} bewahrt ihren geheimen Zugriffsschlüssel im Klartext in
{1}
auf.

Wer diese Datei lesen kann, kann Ihren Bucket benutzen. Den geheimen Schlüssel in den Schlüsselbund des Systems verschieben? Alles andere bleibt in der Datei.</translation>
        </message>
        <message>
            <source>Move to keyring</source>
            <translation>In den Schlüsselbund verschieben</translation>
        </message>
        <message>
            <source>Store the secret in the OS keyring and remove it from the config file</source>
            <translation>Den geheimen Schlüssel im Schlüsselbund des Systems speichern und aus der Konfigurationsdatei entfernen</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Nicht jetzt</translation>
        </message>
        <message>
            <source>Keep the secret in the file for now; you will be asked again next time</source>
            <translation>Den geheimen Schlüssel vorerst in der Datei lassen; Sie werden beim nächsten Mal erneut gefragt</translation>
        </message>
        <message>
            <source>Don't ask again for this connection</source>
            <translation>Für diese Verbindung nicht mehr fragen</translation>
        </message>
        <message>
            <source>Remember this answer for this connection</source>
            <translation>Diese Antwort für diese Verbindung merken</translation>
        </message>
        <message>
            <source>The secret was not moved</source>
            <translation>Der geheime Schlüssel wurde nicht verschoben</translation>
        </message>
        <message>
            <source>{0}

The connection keeps working with the secret in its file.</source>
            <translation>{0}

Die Verbindung funktioniert weiter mit dem geheimen Schlüssel in ihrer Datei.</translation>
        </message>
    </context>
</TS>
