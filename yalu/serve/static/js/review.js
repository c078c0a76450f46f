/* Review queue keys: j/k next/previous, a approve, r reject (focuses the reason; Enter
   sends it), e edit, m the merge suggestions (Enter merges the one in focus), ? help.
   Keys typed into a field are the field's, except Escape, which leaves it. */
(function () {
  "use strict";
  var help = document.getElementById("queue-help");
  function toggleHelp(show) {
    if (help) { help.hidden = show === undefined ? !help.hidden : !show; }
  }
  function go(id) {
    var link = document.getElementById(id);
    if (link && link.href) { window.location.assign(link.href); }
  }
  function submit(id) {
    var form = document.getElementById(id);
    if (form) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
  }
  var helpButton = document.getElementById("help-button");
  if (helpButton) { helpButton.addEventListener("click", function () { toggleHelp(); }); }
  document.addEventListener("keydown", function (evt) {
    if (evt.ctrlKey || evt.metaKey || evt.altKey) { return; }
    var target = evt.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (evt.key === "Escape") {
      toggleHelp(false);
      if (typing) { target.blur(); }
      return;
    }
    if (typing) { return; }
    var actions = {
      "j": function () { go("queue-next"); },
      "k": function () { go("queue-prev"); },
      "a": function () { submit("approve-form"); },
      "r": function () { var note = document.getElementById("reject-note"); if (note) { note.focus(); } },
      "e": function () { go("edit-link"); },
      "m": function () {
        var first = document.querySelector(".merge-suggestion button");
        if (first) { first.focus(); first.scrollIntoView({block: "nearest"}); }
      },
      "?": function () { toggleHelp(); }
    };
    var action = actions[evt.key];
    if (action) { evt.preventDefault(); action(); }
  });
})();
