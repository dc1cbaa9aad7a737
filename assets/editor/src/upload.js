// Phone photos are large: scale to at most 2,000 px on the longest side and re-encode
// (WebP, or JPEG where the browser cannot write WebP) before upload. The server still
// checks and re-encodes every picture; this only saves the writer's data plan.
const LONGEST = 2000;
const QUALITY = 0.85;
const SCALABLE = ["image/jpeg", "image/png", "image/webp"];

function encode(canvas, type) {
  return new Promise((resolve) => canvas.toBlob(resolve, type, QUALITY));
}

export function prepareImage(file) {
  // GIFs may move; anything else unknown goes as it is and the server answers.
  if (!SCALABLE.includes(file.type) || typeof createImageBitmap !== "function") {
    return Promise.resolve(file);
  }
  return createImageBitmap(file)
    .then((bitmap) => {
      const scale = Math.min(1, LONGEST / Math.max(bitmap.width, bitmap.height));
      if (scale === 1 && file.size < 1024 * 1024) return file;
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return encode(canvas, "image/webp")
        .then((blob) => (blob && blob.type === "image/webp" ? blob : encode(canvas, "image/jpeg")))
        .then((blob) => {
          if (!blob || blob.size >= file.size) return file;
          const name = file.name.replace(/\.[^.]*$/, "") + (blob.type === "image/webp" ? ".webp" : ".jpg");
          return new File([blob], name, { type: blob.type });
        });
    })
    .catch(() => file);
}

export function upload(url, file, form, progress) {
  return new Promise((resolve, reject) => {
    const data = new FormData();
    data.append("image", file);
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) progress(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener("load", () => {
      const answer = request.response || {};
      if (request.status === 200 && answer.url) resolve(answer);
      else reject({ detail: answer.detail });
    });
    request.addEventListener("error", () => reject({}));
    request.send(data);
  });
}
