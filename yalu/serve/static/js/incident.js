/* Incident page: each article's text box scrolls to its first evidence sentence, so the
   highlight is in view even when the sentence is far down a long article; a link to an
   evidence sentence (#ev-N) scrolls its box too and flashes the sentence. */
(function () {
  "use strict";
  function reveal(mark, box) {
    var top = mark.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 40) {
      box.scrollTop = Math.max(0, top - 48);
    }
  }
  document.querySelectorAll(".article-text").forEach(function (box) {
    var first = box.querySelector("mark.evidence");
    if (first) { reveal(first, box); }
  });
  document.querySelectorAll('a[href^="#ev-"]').forEach(function (link) {
    link.addEventListener("click", function (evt) {
      var mark = document.getElementById(link.getAttribute("href").slice(1));
      if (!mark) { return; }
      evt.preventDefault();
      var box = mark.closest(".article-text");
      if (box) { reveal(mark, box); }
      mark.scrollIntoView({ block: "nearest" });
      mark.classList.remove("flash-mark");
      void mark.offsetWidth;  // restart the animation
      mark.classList.add("flash-mark");
      history.replaceState(null, "", "#" + mark.id);
    });
  });
})();
