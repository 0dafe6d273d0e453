// judikg map page: reads the JSON island, draws with vis-network, and writes every piece of
// text through textContent (never innerHTML), so titles and names from news stay text.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var state = { hiddenClasses: {}, country: "", minWeight: 1 };
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  function nodeVisible(n) {
    if (state.hiddenClasses[n.cls]) return false;
    if (state.country && n.country && n.country !== state.country) return false;
    if (state.country && !n.country && n.cls !== "Aggregate") {
      // entities without a country stay when they touch the chosen country
      return (adjacency[n.id] || []).some(function (m) { return byId[m] && byId[m].country === state.country; });
    }
    return true;
  }
  var adjacency = {};
  data.edges.forEach(function (e) {
    (adjacency[e.from] = adjacency[e.from] || []).push(e.to);
    (adjacency[e.to] = adjacency[e.to] || []).push(e.from);
  });
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return (e.value || 1) >= state.minWeight; } });

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.judikgMap = { network: network, nodes: nodes, edges: edges, ready: false, data: data };

  function markReady() {
    if (window.judikgMap.ready) return;
    window.judikgMap.ready = true;
    document.body.setAttribute("data-ready", "1");
  }
  if (data.physics) {
    // A short bounded pass from the precomputed layout, then physics stops for good.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      markReady();
    });
    setTimeout(function () { network.stopSimulation(); network.setOptions({ physics: { enabled: false } }); markReady(); }, 8000);
  } else {
    network.once("afterDrawing", markReady);
  }

  // ---------------------------------------------------------------- details panel
  var details = document.getElementById("details");
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function articleList(indices, total) {
    var ul = el("ul");
    indices.forEach(function (i) {
      var a = data.articles[i];
      var li = el("li");
      li.appendChild(el("span", (a.date || "—") + "  "));
      if (a.url && /^https?:\/\//i.test(a.url)) {
        var link = el("a", a.title);
        link.href = a.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        li.appendChild(link);
      } else {
        li.appendChild(el("span", a.title));
      }
      if (a.lang) li.appendChild(el("span", " (" + a.lang + ")"));
      ul.appendChild(li);
    });
    if (total > indices.length) ul.appendChild(el("li", "… and " + (total - indices.length) + " more"));
    return ul;
  }
  function showNode(id) {
    var d = data.nodeDetails[id];
    if (!d) return;
    clear(details);
    details.appendChild(el("h3", d.name));
    if (d.iri) details.appendChild(el("div", d.iri, "iri"));
    var dl = el("dl");
    function row(k, v) { if (v) { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); } }
    row("class", d.cls); row("country", d.country); row("date", d.date);
    if (d.aggregate) row("entities", d.aggregate);
    Object.keys(d.names || {}).sort().forEach(function (tag) { row(tag, d.names[tag]); });
    details.appendChild(dl);
    [["posts", d.posts], ["post holders", d.holders]].forEach(function (pair) {
      if (pair[1] && pair[1].length) {
        details.appendChild(el("h4", pair[0]));
        var ul = el("ul");
        pair[1].forEach(function (p) { ul.appendChild(el("li", p)); });
        details.appendChild(ul);
      }
    });
    if (d.articles && d.articles.length) {
      details.appendChild(el("h4", "source articles (" + d.articles_total + ")"));
      details.appendChild(articleList(d.articles, d.articles_total));
    }
  }
  function showEdge(id) {
    var d = data.edgeDetails[id];
    if (!d) return;
    clear(details);
    details.appendChild(el("h3", d.from + " — " + d.to));
    var ul = el("ul");
    d.texts.forEach(function (t) { ul.appendChild(el("li", t)); });
    details.appendChild(ul);
    if (d.evidence && d.evidence.length) {
      details.appendChild(el("h4", "evidence"));
      var ev = el("ul");
      d.evidence.forEach(function (t) { ev.appendChild(el("li", "“" + t + "”", "evidence")); });
      details.appendChild(ev);
    }
    if (d.articles && d.articles.length) {
      details.appendChild(el("h4", "source articles (" + d.articles_total + ")"));
      details.appendChild(articleList(d.articles, d.articles_total));
    }
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // ---------------------------------------------------------------- search
  function fold(s) { return String(s).normalize("NFKC").toLocaleLowerCase(); }
  var searchIndex = data.nodes.map(function (n) {
    var d = data.nodeDetails[n.id] || {};
    return { id: n.id, label: n.label, keys: (d.search || [n.label]).map(fold).join("\u0000") };
  });
  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showNode(id);
  }
  input.addEventListener("input", function () {
    clear(results);
    var q = fold(input.value.trim());
    if (q.length < 2) return;
    var hits = searchIndex.filter(function (x) { return x.keys.indexOf(q) >= 0; }).slice(0, 20);
    hits.forEach(function (h) {
      var li = el("li"), b = el("button", h.label);
      b.type = "button";
      b.addEventListener("click", function () { focusNode(h.id); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (!hits.length) results.appendChild(el("li", "no match", "hint"));
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var b = results.querySelector("button"); if (b) b.click(); }
  });

  // ---------------------------------------------------------------- filters and legend
  var select = document.getElementById("country");
  data.countries.forEach(function (c) { var o = el("option", c); o.value = c; select.appendChild(o); });
  select.addEventListener("change", function () { state.country = select.value; nodeView.refresh(); });
  var slider = document.getElementById("min-weight");
  var maxW = 1;
  data.edges.forEach(function (e) { if ((e.value || 1) > maxW) maxW = e.value || 1; });
  slider.max = String(Math.max(2, Math.min(maxW, 50)));
  slider.addEventListener("input", function () {
    state.minWeight = Number(slider.value);
    document.getElementById("min-weight-value").textContent = slider.value;
    edgeView.refresh();
  });
  var legend = document.getElementById("legend");
  data.legend.forEach(function (item) {
    var li = el("li");
    var sw = el("span", null, "swatch " + item.shape);
    sw.style.background = item.color;
    li.appendChild(sw);
    li.appendChild(el("span", item.label));
    li.addEventListener("click", function () {
      state.hiddenClasses[item.cls] = !state.hiddenClasses[item.cls];
      li.className = state.hiddenClasses[item.cls] ? "off" : "";
      nodeView.refresh();
    });
    legend.appendChild(li);
  });
})();
