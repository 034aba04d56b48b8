// Draws the articles of the report a page at a time from the JSON data block, with every fact
// highlighted in place. Text goes into the page through textContent only, never innerHTML, so an
// article that contains markup is shown as written.
(function () {
  "use strict";
  var PAGE_SIZE = 20;
  var KINDS = ["villages", "crafts", "workers", "households", "artisans", "establishments",
    "ocop_products", "products", "money", "percent"];
  var FIELDS = ["kind", "value", "unit", "qualifier", "status", "year", "period", "category",
    "stars", "measure", "place", "quote"];
  var articles = JSON.parse(document.getElementById("report-data").textContent);
  var state = { province: "", kind: "", page: 0 };
  var list = document.getElementById("article-list");
  var detail = document.getElementById("detail");

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function addOptions(select, values, counts) {
    values.forEach(function (value) {
      var option = element("option", "", value + " (" + counts[value] + ")");
      option.value = value;
      select.appendChild(option);
    });
  }

  function describe(fact) {
    var parts = [fact.kind + ": " + fact.value, fact.status];
    if (fact.year !== null) { parts.push("year " + fact.year); }
    if (fact.period !== null) { parts.push("period " + fact.period); }
    if (fact.category !== null) { parts.push("category " + fact.category); }
    if (fact.stars !== null) { parts.push(fact.stars + " stars"); }
    if (fact.measure !== null) { parts.push(fact.measure); }
    if (fact.place !== null) { parts.push(fact.place); }
    return parts.join(" · ");
  }

  function showDetail(article, index, mark) {
    var fact = article.facts[index];
    var selected = document.querySelector("mark.fact.selected");
    if (selected) { selected.classList.remove("selected"); }
    mark.classList.add("selected");
    detail.replaceChildren();
    var close = element("button", "close", "×");
    close.type = "button";
    close.addEventListener("click", function () { detail.hidden = true; });
    detail.appendChild(close);
    detail.appendChild(element("strong", "", article.title));
    var fields = element("dl");
    FIELDS.forEach(function (name) {
      if (fact[name] === null) { return; }
      fields.appendChild(element("dt", "", name));
      fields.appendChild(element("dd", "", fact[name]));
    });
    detail.appendChild(fields);
    detail.hidden = false;
  }

  function drawText(article) {
    var text = element("div", "text");
    article.segments.forEach(function (segment) {
      if (segment[1] < 0) { text.appendChild(document.createTextNode(segment[0])); return; }
      var fact = article.facts[segment[1]];
      var mark = element("mark", "fact k-" + fact.kind, segment[0]);
      if (state.kind && fact.kind !== state.kind) { mark.classList.add("dim"); }
      mark.dataset.fact = String(segment[1]);
      mark.dataset.kind = fact.kind;
      mark.title = describe(fact);
      mark.tabIndex = 0;
      mark.addEventListener("click", function () { showDetail(article, segment[1], mark); });
      mark.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { showDetail(article, segment[1], mark); }
      });
      text.appendChild(mark);
    });
    return text;
  }

  function drawArticle(article) {
    var node = element("article", "doc");
    node.dataset.id = article.id;
    node.appendChild(element("h3", "", article.title));
    var meta = [article.source, article.province];
    if (article.published) { meta.push(article.published); }
    if (article.url) { meta.push(article.url); }
    meta.push(article.facts.length + " fact(s)");
    node.appendChild(element("p", "meta", meta.join(" · ")));
    node.appendChild(drawText(article));
    return node;
  }

  function matches(article) {
    return (!state.province || article.province === state.province) &&
      (!state.kind || article.kinds.indexOf(state.kind) >= 0);
  }

  function render() {
    var chosen = articles.filter(matches);
    var pages = Math.max(1, Math.ceil(chosen.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    var first = state.page * PAGE_SIZE;
    var shown = chosen.slice(first, first + PAGE_SIZE);
    list.replaceChildren.apply(list, shown.map(drawArticle));
    var info = chosen.length ? "articles " + (first + 1) + "–" + (first + shown.length) +
      " of " + chosen.length + " · page " + (state.page + 1) + " of " + pages : "no article matches";
    document.querySelectorAll(".page-info").forEach(function (node) { node.textContent = info; });
    document.querySelectorAll(".pager .prev").forEach(function (node) { node.disabled = state.page === 0; });
    document.querySelectorAll(".pager .next").forEach(function (node) { node.disabled = state.page >= pages - 1; });
  }

  function count(key) {
    var counts = {};
    articles.forEach(function (article) {
      [].concat(article[key]).forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
    });
    return counts;
  }

  function setUp() {
    var provinces = count("province");
    var kinds = count("kinds");
    var provinceSelect = document.getElementById("filter-province");
    var kindSelect = document.getElementById("filter-kind");
    addOptions(provinceSelect, Object.keys(provinces).sort(), provinces);
    addOptions(kindSelect, KINDS.filter(function (kind) { return kinds[kind]; }), kinds);
    provinceSelect.addEventListener("change", function () { state.province = provinceSelect.value; state.page = 0; render(); });
    kindSelect.addEventListener("change", function () { state.kind = kindSelect.value; state.page = 0; render(); });
    document.querySelectorAll(".pager .prev").forEach(function (node) {
      node.addEventListener("click", function () { state.page -= 1; render(); });
    });
    document.querySelectorAll(".pager .next").forEach(function (node) {
      node.addEventListener("click", function () { state.page += 1; render(); });
    });
    var legend = document.getElementById("legend");
    KINDS.forEach(function (kind) { legend.appendChild(element("mark", "fact k-" + kind, kind)); });
    render();
  }

  setUp();
}());
