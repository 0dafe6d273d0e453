// judikg map page: reads the JSON island, draws with vis-network, and writes every piece of
// text through textContent (never innerHTML), so titles and names from news stay text.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var state = { hiddenClasses: {}, country: "", minWeight: 1 };
  // Text sizes on screen, in CSS pixels, whatever the zoom.
  var LABEL_PX = 13, EDGE_LABEL_PX = 11, MAX_START_SCALE = 1.4;
  var byId = {}, fullLabel = {}, byRank = [];
  data.nodes.forEach(function (n) { byId[n.id] = n; fullLabel[n.id] = n.label; byRank[n.rank] = n.id; });
  // Labels are placed by placeLabels once the view is known; big maps start with none so the
  // first draw does not measure thousands of texts.
  var shownLabel = {};
  if (data.nodes.length > data.nodeLabelsStart) data.nodes.forEach(function (n) { n.label = ""; });
  data.nodes.forEach(function (n) { shownLabel[n.id] = n.label; });
  var edgeText = {}, edgeDefault = {};
  data.edges.forEach(function (e) { if (e.text) { edgeText[e.id] = e.text; edgeDefault[e.id] = e.label || ""; } });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);

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
  window.judikgMap = { network: network, nodes: nodes, edges: edges, ready: false, data: data,
                       fitScale: null, labelPx: LABEL_PX };

  // ---------------------------------------------------------------- zoom: readable text
  // vis-network sizes text in graph units, so fitting a wide graph shrinks every label below
  // legibility. Font sizes are reset from the zoom after each zoom change: at and above the
  // fitted zoom labels keep LABEL_PX on screen; zooming out further lets them shrink and vanish.
  var fitScale = 1, appliedScale = null, zoomTimer = null;
  function applyZoom() {
    zoomTimer = null;
    var s = network.getScale();
    appliedScale = s;
    var eff = Math.max(s, fitScale * 0.6);
    network.setOptions({ nodes: { font: { size: LABEL_PX / eff } }, edges: { font: { size: EDGE_LABEL_PX / eff } } });
    placeLabels();
  }
  // Cartographic labelling: nodes in order of importance (focus and selection, their
  // neighbours, then centrality) get their label only where it does not cover a label or a
  // node already placed; the rest show on hover and appear as the user zooms in. Link labels
  // (the strongest links, or those of the selection) follow under the same rule.
  var CELL = 80;
  function placeLabels() {
    var s = network.getScale(), px = LABEL_PX * Math.min(1, s / (fitScale * 0.6));
    var w = container.clientWidth, h = container.clientHeight;
    var pos = network.getPositions();
    var grid = {};
    function cells(b, fn) {
      for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor(b[2] / CELL); gx++)
        for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor(b[3] / CELL); gy++) if (fn(gx + ":" + gy)) return true;
      return false;
    }
    // Boxes are labels, or node discs (b[4] true); the hubs' labels may cover a neighbour's
    // disc edge, since a hub's name matters more and its neighbours crowd it.
    function free(b, overDiscs) {
      return !cells(b, function (k) {
        return (grid[k] || []).some(function (o) {
          return !(overDiscs && o[4]) && b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3];
        });
      });
    }
    function take(b) { cells(b, function (k) { (grid[k] = grid[k] || []).push(b); return false; }); }
    function onScreen(p) { return p.x > -200 && p.y > -100 && p.x < w + 200 && p.y < h + 100; }
    var screen = {}, visible = [];
    nodeView.getIds().forEach(function (id) {
      if (!pos[id]) return;
      var p = network.canvasToDOM(pos[id]);
      if (!onScreen(p)) return;
      var body = network.body.nodes[id], r = Math.max(3, ((body && body.options.size) || 10) * s);
      screen[id] = { x: p.x, y: p.y, r: r };
      visible.push(id);
      take([p.x - r, p.y - r, p.x + r, p.y + r, true]);
    });
    var sel = network.getSelection().nodes, first = {}, order = [], must = {};
    function push(id) { if (!first[id] && screen[id]) { first[id] = true; order.push(id); } }
    sel.concat(data.focus ? [data.focus] : [], hovered.node !== null ? [hovered.node] : []).forEach(function (id) {
      must[id] = true;
      push(id);
    });
    sel.concat(data.focus ? [data.focus] : []).forEach(function (id) { (adjacency[id] || []).forEach(push); });
    byRank.forEach(push);
    var want = {}, hubs = Math.max(3, Math.round(order.length / 10));
    order.forEach(function (id, i) {
      var lines = fullLabel[id].split("\n"), chars = 0;
      lines.forEach(function (l) { if (l.length > chars) chars = l.length; });
      var c = screen[id], bw = chars * px * 0.56 + 4, bh = lines.length * px * 1.2;
      var b = [c.x - bw / 2, c.y + c.r + 1, c.x + bw / 2, c.y + c.r + 1 + bh];
      if (px >= 5 && (must[id] || free(b, i < hubs))) { take(b); want[id] = true; }
    });
    var changes = [];
    data.nodes.forEach(function (n) {
      var label = want[n.id] ? fullLabel[n.id] : "";
      if (shownLabel[n.id] !== label) { shownLabel[n.id] = label; changes.push({ id: n.id, label: label }); }
    });
    if (changes.length) nodes.update(changes);
    placeEdgeLabels(free, take, pos, s);
  }
  // Fit the nodes with room for the labels of the outermost ones (vis-network's fit() leaves
  // them cut off at the edges); a focus stays in the centre, where the layout put it.
  var MARGIN_X = 90, MARGIN_TOP = 20, MARGIN_BOTTOM = 50;
  function initialView() {
    var pos = network.getPositions(nodeView.getIds()), ids = Object.keys(pos);
    if (!ids.length) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    ids.forEach(function (id) {
      var p = pos[id];
      if (p.x < x0) x0 = p.x; if (p.x > x1) x1 = p.x; if (p.y < y0) y0 = p.y; if (p.y > y1) y1 = p.y;
    });
    var w = container.clientWidth, h = container.clientHeight, centre = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
    if (data.focus && pos[data.focus]) {
      centre = pos[data.focus];
      x0 = centre.x - Math.max(centre.x - x0, x1 - centre.x); x1 = 2 * centre.x - x0;
      y0 = centre.y - Math.max(centre.y - y0, y1 - centre.y); y1 = 2 * centre.y - y0;
    }
    var s = Math.min((w - 2 * MARGIN_X) / Math.max(x1 - x0, 1), (h - MARGIN_TOP - MARGIN_BOTTOM) / Math.max(y1 - y0, 1));
    s = Math.min(Math.max(s, 1e-3), MAX_START_SCALE);
    // shift by half the margin difference so labels under the bottom nodes fit too
    network.moveTo({ position: { x: centre.x, y: centre.y + (MARGIN_BOTTOM - MARGIN_TOP) / 2 / s }, scale: s, animation: false });
    fitScale = s;
    window.judikgMap.fitScale = s;
    applyZoom();
  }
  // After the first draw (node sizes known): fit, size and place the labels, then ready.
  var started = false;
  network.on("dragEnd", function () { if (appliedScale) placeLabels(); });
  // Until the reader moves the map, a change of window size fits it again.
  var touched = false;
  ["dragStart", "zoom", "click"].forEach(function (ev) { network.on(ev, function () { touched = true; }); });
  network.on("resize", function () { if (started && !touched) setTimeout(initialView, 0); });
  network.on("afterDrawing", function () {
    if (!started) {
      started = true;
      if (data.focus && byId[data.focus]) network.selectNodes((data.focusAll || [data.focus]).filter(function (id) { return byId[id]; }));
      initialView();
      if (data.focus && byId[data.focus]) showNode(data.focus);
      setTimeout(markReady, 0);
      return;
    }
    var s = network.getScale();
    if (appliedScale && Math.abs(s - appliedScale) / appliedScale > 0.02 && !zoomTimer) zoomTimer = setTimeout(applyZoom, 120);
  });
  function markReady() {
    if (window.judikgMap.ready) return;
    window.judikgMap.ready = true;
    document.body.setAttribute("data-ready", "1");
  }

  // ---------------------------------------------------------------- link labels on demand
  // Dense maps label only their strongest links; the links of the hovered or selected node,
  // and a hovered or selected link, show their labels too.
  var fontOf = {}, shownEdges = {}, hovered = { node: null, edge: null };
  Object.keys(edgeDefault).forEach(function (id) { shownEdges[id] = edgeDefault[id]; });
  function placeEdgeLabels(free, take, pos, s) {
    var forced = {}, sel = network.getSelection();
    sel.edges.forEach(function (id) { forced[id] = true; });
    sel.nodes.concat(hovered.node !== null ? [hovered.node] : []).forEach(function (id) {
      network.getConnectedEdges(id).forEach(function (eid) { forced[eid] = true; });
    });
    if (hovered.edge !== null) forced[hovered.edge] = true;
    var px = EDGE_LABEL_PX * Math.min(1, s / (fitScale * 0.6)), want = {};
    Object.keys(edgeText).forEach(function (id) {
      if (!forced[id] && !edgeDefault[id]) return;
      var e = edges.get(Number(id));
      if (!e || !pos[e.from] || !pos[e.to]) return;
      if (forced[id]) { want[id] = true; return; }
      var m = network.canvasToDOM({ x: (pos[e.from].x + pos[e.to].x) / 2, y: (pos[e.from].y + pos[e.to].y) / 2 });
      var bw = edgeText[id].length * px * 0.56 + 4, bh = px * 1.3;
      var b = [m.x - bw / 2, m.y - bh / 2, m.x + bw / 2, m.y + bh / 2];
      if (px >= 5 && free(b)) { take(b); want[id] = true; }
    });
    var changes = [];
    Object.keys(edgeText).forEach(function (id) {
      // A link ignores an empty label (vis-network keeps the old text): a space hides it.
      var label = want[id] ? edgeText[id] : " ";
      // per link: vis-network does not pass a changed global edge font on to existing labels
      if ((shownEdges[id] || " ") !== label || (label !== " " && fontOf[id] !== px)) {
        shownEdges[id] = label;
        fontOf[id] = px;
        changes.push({ id: Number(id), label: label, font: { size: px / s } });
      }
    });
    if (changes.length) edges.update(changes);
  }
  function refreshEdgeLabels() { if (appliedScale) placeLabels(); }
  network.on("select", refreshEdgeLabels);
  network.on("deselectNode", refreshEdgeLabels);
  network.on("deselectEdge", refreshEdgeLabels);
  network.on("hoverNode", function (p) { hovered.node = p.node; refreshEdgeLabels(); });
  network.on("blurNode", function () { hovered.node = null; refreshEdgeLabels(); });
  network.on("hoverEdge", function (p) { hovered.edge = p.edge; refreshEdgeLabels(); });
  network.on("blurEdge", function () { hovered.edge = null; refreshEdgeLabels(); });

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
    var name = d.name || fullLabel[n.id].replace(/\n/g, " ");
    return { id: n.id, label: name, keys: (d.search || [name]).map(fold).join("\u0000") };
  });
  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), fitScale * 2), animation: false });
    showNode(id);
    refreshEdgeLabels();
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
