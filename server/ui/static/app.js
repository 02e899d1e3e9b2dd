// dossier's web UI reads without this script; it only makes a citation's target easier to see.
// The browser already scrolls to #cite; this centres the marked words in the window instead of
// leaving them at its top edge, where a fixed reading position would hide the sentence before.
(function () {
  "use strict";
  function centre() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === "MARK") {
      el.scrollIntoView({ block: "center" });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", centre);
  } else {
    centre();
  }
  addEventListener("hashchange", centre);
})();
