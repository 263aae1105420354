/**
 * Who the app is to the operating system. The AppUserModelID must equal the
 * build's appId (electron-builder.yml), or Windows silently drops
 * notifications; a test compares the two.
 */
export const APP_ID = 'io.kombify.tray';
export const PRODUCT_NAME = 'kombify Tray';
