// Wacana's service worker: articles to read offline, never another person's pages.
// Served by wacana.pages.views.service_worker (no-cache); wacana/lib/offline.py says
// what the two X-Wacana-* headers of a page mean.
"use strict";
var VERSION = "{{ version }}";
var STATIC = "wacana-static-" + VERSION;
var PAGES = "wacana-pages-";
var MEDIA = "wacana-media";
var RECENT = {{ recent }};
var PICTURES = {{ pictures }};
var OFFLINE = "{{ offline_url }}";
var PRECACHE = {{ precache|safe }};
var KIND = "X-Wacana-Offline";
var READER = "X-Wacana-Reader";

self.addEventListener("install", function (event) {
  // Writes never wait for this worker: a save sent as the writing page closes (a keepalive
  // fetch) is lost when it must first start the worker, so they go straight to the network.
  if (event.addRoutes) {
    try {
      event.addRoutes([{ condition: { not: { requestMethod: "GET" } }, source: "network" }]);
    } catch (e) { /* an older browser: the fetch handler lets them through */ }
  }
  event.waitUntil(
    caches.open(STATIC).then(function (cache) {
      return Promise.all(
        PRECACHE.concat([OFFLINE]).map(function (url) {
          // The offline page without cookies: the same for everyone, no one's name in it.
          return fetch(url, { credentials: "omit", cache: "no-cache" }).then(function (response) {
            if (response.ok) return cache.put(url, response);
          });
        })
      );
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("wacana-static-") === 0 && name !== STATIC;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function pageCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(PAGES) === 0; });
  });
}

// The cache of this reader; every other reader's cache (and the pictures they saw)
// is deleted first.
function cacheOf(reader) {
  var mine = PAGES + reader;
  return pageCaches().then(function (names) {
    var others = names.filter(function (name) { return name !== mine; });
    if (others.length) others.push(MEDIA);
    return Promise.all(others.map(function (name) { return caches.delete(name); }));
  }).then(function () { return caches.open(mine); });
}

function forget(url) {
  return pageCaches().then(function (names) {
    return Promise.all(names.map(function (name) {
      return caches.open(name).then(function (cache) { return cache.delete(url); });
    }));
  });
}

// Keeps the last RECENT articles opened; saved ones and the reading list stay.
function trim(cache) {
  return cache.keys().then(function (requests) {
    return Promise.all(requests.map(function (request) {
      return cache.match(request).then(function (response) {
        return { request: request, kind: response && response.headers.get(KIND) };
      });
    }));
  }).then(function (entries) {
    var recent = entries.filter(function (entry) { return entry.kind === "article"; });
    return Promise.all(recent.slice(0, Math.max(0, recent.length - RECENT)).map(function (entry) {
      return cache.delete(entry.request);
    }));
  });
}

function keep(url, response) {
  if (response.status === 404 || response.status === 410) return forget(url);
  var reader = response.headers.get(READER);
  var kind = response.headers.get(KIND);
  if (!reader) return Promise.resolve();
  return cacheOf(reader).then(function (cache) {
    if (!response.ok || !kind || response.redirected) return cache.delete(url);
    // Delete first: keys() then lists it as the newest.
    return cache.delete(url).then(function () {
      return cache.put(url, response);
    }).then(function () { return trim(cache); });
  });
}

function fromCache(url) {
  return pageCaches().then(function (names) {
    if (!names.length) return undefined;
    return caches.open(names[0]).then(function (cache) { return cache.match(url, { ignoreVary: true }); });
  });
}

// Pages: the network first, always, so a hidden or deleted article (404, 410) leaves
// the cache the moment the reader is online; the copy only when the network fails.
function page(event) {
  var request = event.request;
  var url = request.url.split("#")[0];
  return fetch(request, { cache: "no-cache" }).then(function (response) {
    event.waitUntil(keep(url, response.clone()));
    return response;
  }, function () {
    return fromCache(url).then(function (cached) {
      return cached || caches.match(OFFLINE, { cacheName: STATIC }).then(function (offline) {
        return offline || Response.error();
      });
    });
  });
}

// Static files: their names carry a hash of their content, so a stored copy is right
// forever (cache first); unhashed ones (development) from the network first.
var HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;

function asset(event) {
  var request = event.request;
  return caches.open(STATIC).then(function (cache) {
    return cache.match(request, { ignoreVary: true }).then(function (cached) {
      if (cached && HASHED.test(new URL(request.url).pathname)) return cached;
      return fetch(request).then(function (response) {
        if (response.ok) event.waitUntil(cache.put(request, response.clone()));
        return response;
      }, function () { return cached || Response.error(); });
    });
  });
}

// Pictures (uploads never change under one name): the last PICTURES shown are kept, so
// that a kept article has them offline.
function picture(event) {
  var request = event.request;
  return caches.open(MEDIA).then(function (cache) {
    return cache.match(request, { ignoreVary: true }).then(function (cached) {
      if (cached) return cached;
      return fetch(request).then(function (response) {
        if (response.ok) {
          event.waitUntil(cache.put(request, response.clone()).then(function () {
            return cache.keys();
          }).then(function (requests) {
            return Promise.all(requests.slice(0, Math.max(0, requests.length - PICTURES))
              .map(function (old) { return cache.delete(old); }));
          }));
        }
        return response;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("{{ static_url }}") === 0) {
    event.respondWith(asset(event));
  } else if (url.pathname.indexOf("{{ media_url }}") === 0 && request.destination === "image") {
    event.respondWith(picture(event));
  } else if (request.mode === "navigate") {
    event.respondWith(page(event));
  }
});

// The reading list page names its articles: keep them all, drop those taken off it.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (!Array.isArray(data.saved)) return;
  var wanted = data.saved.map(function (path) { return new URL(path, self.location.origin).href; });
  event.waitUntil(pageCaches().then(function (names) {
    if (!names.length) return;
    return caches.open(names[0]).then(function (cache) {
      return cache.keys().then(function (requests) {
        return Promise.all(requests.map(function (stored) {
          return cache.match(stored).then(function (response) {
            var saved = response && response.headers.get(KIND) === "saved";
            if (saved && data.complete && wanted.indexOf(stored.url) < 0) return cache.delete(stored);
          });
        }));
      }).then(function () {
        return Promise.all(wanted.map(function (url) {
          return cache.match(url, { ignoreVary: true }).then(function (found) {
            if (found && found.headers.get(KIND) === "saved") return;
            return fetch(url, { cache: "no-cache" }).then(function (response) {
              return keep(url, response);
            }, function () {});
          });
        }));
      });
    });
  }));
});
