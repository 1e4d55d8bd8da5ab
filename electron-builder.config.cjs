// Packaging for the desktop app. electron-builder rebuilds better-sqlite3 for Electron's ABI
// inside the package (npmRebuild), so the Node build in node_modules stays as the tests need it.
// The product's name, icon and desktop entry live in resources/ (icon.png is the master, 1024 px,
// from which electron-builder makes each platform's icons; icon.svg is its source).
const product = require('./resources/product.json');

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: product.appId,
  productName: product.productName,
  icon: 'resources/icon.png',
  directories: { output: 'release', buildResources: 'resources' },
  files: ['dist/**', 'package.json', '!**/*.map'],
  asarUnpack: ['**/*.node'],
  npmRebuild: true,
  // Fuses are flipped in the Electron binary itself when it is packaged; electron/desktop/fuses.test.ts
  // fails when one is missing, and the desktop spec reads them back from the packaged binary.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office', desktop: { entry: product.linuxDesktopEntry } },
  mac: { target: 'dmg', category: 'public.app-category.productivity' },
  win: { target: 'nsis' },
};
