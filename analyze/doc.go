// Package analyze runs the analysers over an Article and assembles the JSON Lines record that
// `dossier analyze --format json` writes: the contract the outside world relies on. Byte offsets in a
// record refer to its Text.
package analyze
