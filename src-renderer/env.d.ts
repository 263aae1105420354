// Lets the entry import CSS files, which vite bundles into the stylesheet.
/// <reference types="vite/client" />
