// Starts GraphiQL (UMD globals React, ReactDOM, GraphiQL) against this gateway's /graphql and sends the
// pasted token as `Authorization: Bearer`. The token lives in sessionStorage: gone when the tab closes.
(function () {
  "use strict";
  var STORAGE_KEY = "grassroots.accessToken";
  var form = document.getElementById("token-bar");
  var input = document.getElementById("token");
  var status = document.getElementById("token-status");
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  var generation = 0;

  function describe(token) {
    try {
      var claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
      var expires = new Date(claims.exp * 1000).toLocaleString();
      return (claims.roles || []).join(", ") + " · expires " + expires;
    } catch (e) {
      return "token set";
    }
  }

  function render() {
    var token = sessionStorage.getItem(STORAGE_KEY) || "";
    input.value = token;
    status.textContent = token ? describe(token) : "no token: requests will be refused";
    var fetcher = GraphiQL.createFetcher({
      url: "/graphql",
      headers: token ? { Authorization: "Bearer " + token } : {},
    });
    // A new key remounts GraphiQL, so the schema is fetched again with the new token.
    generation += 1;
    root.render(React.createElement(GraphiQL, { key: generation, fetcher: fetcher }));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var token = input.value.trim().replace(/^Bearer\s+/i, "");
    if (token) sessionStorage.setItem(STORAGE_KEY, token);
    else sessionStorage.removeItem(STORAGE_KEY);
    render();
  });
  document.getElementById("forget").addEventListener("click", function () {
    sessionStorage.removeItem(STORAGE_KEY);
    render();
  });
  render();
})();
