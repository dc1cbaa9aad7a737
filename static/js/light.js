// Saving data (wacana/lib/savedata.py): a picture's placeholder is a link to it; with
// this, tapping it shows the picture in its place instead of opening it.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.img-off");
    if (!link) return;
    event.preventDefault();
    var image = new Image();
    image.src = link.dataset.src;
    image.width = +link.dataset.w;
    image.height = +link.dataset.h;
    image.alt = link.dataset.alt || "";
    if (link.dataset.href) {
      // A card's picture: it links to the article, as it does without saving data.
      link.href = link.dataset.href;
      link.className = "card-img";
      link.textContent = "";
      link.appendChild(image);
    } else {
      link.replaceWith(image);
    }
  });
})();
