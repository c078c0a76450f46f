/* Swagger UI over /api/openapi.json. Write calls carry the CSRF token of this browser's session. */
(function () {
  "use strict";
  var token = null;
  fetch("/api/session", { credentials: "same-origin" }).then(function (r) { return r.json(); })
    .then(function (s) { token = s.csrf_token; }).catch(function () {});
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    requestInterceptor: function (req) {
      if (token && req.method && req.method.toUpperCase() !== "GET") {
        req.headers["X-CSRF-Token"] = token;
      }
      return req;
    }
  });
})();
