// @n8n/scan-community-package ships plain ESM without types; scripts/scan.ts states what it uses.
declare module '@n8n/scan-community-package/scanner/scanner.mjs';
