# Build the Windows installer: frozen app (PyInstaller) + Inno Setup, then check both.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs Python 3.11+ (python.org or actions/setup-python) and Inno Setup 6 (iscc on PATH or in
# its default folder; `choco install innosetup` otherwise). Writes
# dist\r2desk-<version>-windows-x64-setup.exe. Checked by .github/workflows/package.yml only:
# nobody on the team builds on Windows by hand.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

function Invoke-Checked([string]$What, [scriptblock]$Block) {
    Write-Host "==> $What"
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE" }
}

$Version = (Select-String -Path r2desk\__init__.py -Pattern '__version__ = "([^"]+)"').Matches[0].Groups[1].Value
$Venv = Join-Path $Root "build\.venv-build"
$Py = Join-Path $Venv "Scripts\python.exe"

if (-not (Test-Path $Py)) {
    Invoke-Checked "create build venv" { python -m venv $Venv }
}
New-Item -ItemType Directory -Force build | Out-Null
Invoke-Checked "requirements" { & $Py packaging\build_requirements.py | Set-Content -Encoding ascii build\requirements-build.txt }
Invoke-Checked "pip install" { & $Py -m pip install -q --disable-pip-version-check -r build\requirements-build.txt }

# Windows wants an .ico for the exe and the installer; packed from the committed PNGs.
Invoke-Checked "icon" { & $Py packaging\render_icons.py --skip-png --ico build\icons\r2desk.ico }

Invoke-Checked "PyInstaller" {
    & $Py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\r2desk.spec
}

# The frozen app must work before it is wrapped: the console twin prints, the windowed one cannot.
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked "frozen --version" { & dist\r2desk\r2desk-cli.exe --version }
Invoke-Checked "frozen --self-test" { & dist\r2desk\r2desk-cli.exe --self-test }

$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
Invoke-Checked "Inno Setup" { & $Iscc /Q "/DAppVersion=$Version" packaging\windows\r2desk.iss }
$Setup = Join-Path $Root "dist\r2desk-$Version-windows-x64-setup.exe"

# Install for the current user (no UAC), run the installed copy's self-test, uninstall.
$Dir = Join-Path $env:LOCALAPPDATA "Programs\r2desk-smoke"
Invoke-Checked "silent install" {
    $p = Start-Process -Wait -PassThru $Setup -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", "/DIR=`"$Dir`""
    $global:LASTEXITCODE = $p.ExitCode
}
Invoke-Checked "installed --self-test" { & (Join-Path $Dir "r2desk-cli.exe") --self-test }
Invoke-Checked "silent uninstall" {
    $p = Start-Process -Wait -PassThru (Join-Path $Dir "unins000.exe") -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"
    $global:LASTEXITCODE = $p.ExitCode
}
Start-Sleep -Seconds 3  # the uninstaller finishes deleting from a temp copy of itself
if (Test-Path (Join-Path $Dir "r2desk.exe")) { throw "uninstall left $Dir\r2desk.exe behind" }

$Size = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
$Installed = [math]::Round(((Get-ChildItem -Recurse dist\r2desk | Measure-Object -Sum Length).Sum) / 1MB, 1)
Write-Host "build.ps1: ok; $Setup $Size MB, installed $Installed MB"
