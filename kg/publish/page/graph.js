/* The graph page: search, filters, legend and the evidence panel around vis-network.
 * Report text reaches the DOM only through textContent / createTextNode, never as HTML.
 * (This file is included by a Jinja template: never write two opening braces in a row.)
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("lgkg-data").textContent);
  var options = JSON.parse(document.getElementById("lgkg-options").textContent);
  var SHORT = 18;
  var MAX_RESULTS = 50;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function short(label, size) {
    var max = size || SHORT;
    return label.length > max ? label.slice(0, max) + "…" : label;
  }

  var classes = data.classes;
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    var c = classes[n.c];
    return {
      id: i,
      label: short(n.label),
      title: c.zh + "：" + n.label,
      shape: c.shape,
      value: n.deg + 1,
      color: { background: c.colour, border: c.colour,
        highlight: { background: "#facc15", border: "#a16207" },
        hover: { background: c.colour, border: "#111827" } }
    };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return { id: i, from: e[0], to: e[1], title: data.props[e[2]] };
  }));
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  var layoutState = document.getElementById("layout-state");
  function settled() {
    network.setOptions({ physics: { enabled: false } });
    layoutState.textContent = "布局完成";
    document.body.setAttribute("data-ready", "1");
  }
  if (data.nodes.length === 0) { settled(); } else { network.once("stabilizationIterationsDone", settled); }
  network.on("stabilizationProgress", function (p) {
    layoutState.textContent = "布局计算中 " + Math.round(100 * p.iterations / p.total) + "%";
  });

  // edge labels: the property's Chinese name appears on the edge while hovered (also a tooltip)
  network.on("hoverEdge", function (p) { edges.update({ id: p.edge, label: data.props[data.edges[p.edge][2]] }); });
  network.on("blurEdge", function (p) { edges.update({ id: p.edge, label: " " }); });

  // --- neighbours ------------------------------------------------------------------
  var links = data.nodes.map(function () { return []; });
  data.edges.forEach(function (e) {
    links[e[0]].push({ other: e[1], prop: data.props[e[2]], out: true });
    links[e[1]].push({ other: e[0], prop: data.props[e[2]], out: false });
  });

  // --- filters ---------------------------------------------------------------------
  var hiddenClasses = {};
  var selects = {
    region: document.getElementById("filter-region"),
    area: document.getElementById("filter-area"),
    report: document.getElementById("filter-report"),
    status: document.getElementById("filter-status")
  };
  function fillSelect(select, labels) {
    labels.forEach(function (label, i) {
      var o = el("option", label);
      o.value = String(i);
      select.appendChild(o);
    });
  }
  fillSelect(selects.region, data.regions);
  fillSelect(selects.area, data.areas);
  fillSelect(selects.report, data.reports.map(function (r) {
    return (r.year ? r.year + " " : "") + (r.file || r.label);
  }));

  // legend icons drawn like the nodes: same colour, same shape
  var SVG = "http://www.w3.org/2000/svg";
  var SHAPES = {
    dot: ["circle", { cx: 7, cy: 7, r: 6 }],
    square: ["rect", { x: 1, y: 1, width: 12, height: 12 }],
    triangle: ["polygon", { points: "7,1 13,13 1,13" }],
    triangleDown: ["polygon", { points: "1,1 13,1 7,13" }],
    diamond: ["polygon", { points: "7,0 14,7 7,14 0,7" }],
    star: ["polygon", { points: "7,0 8.8,5 14,5 9.8,8.2 11.4,13.5 7,10.3 2.6,13.5 4.2,8.2 0,5 5.2,5" }],
    hexagon: ["polygon", { points: "3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7" }]
  };
  function shapeIcon(shape, colour) {
    var spec = SHAPES[shape] || SHAPES.dot;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 14 14");
    svg.setAttribute("class", "swatch");
    var path = document.createElementNS(SVG, spec[0]);
    Object.keys(spec[1]).forEach(function (k) { path.setAttribute(k, String(spec[1][k])); });
    path.setAttribute("fill", colour);
    svg.appendChild(path);
    return svg;
  }

  var legend = document.getElementById("legend");
  classes.forEach(function (c, i) {
    if (!c.n) { return; }
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = c.name;
    box.setAttribute("data-class", c.name);
    box.addEventListener("change", function () {
      hiddenClasses[i] = !box.checked;
      applyFilters();
    });
    var sw = shapeIcon(c.shape, c.colour);
    label.appendChild(box);
    label.appendChild(sw);
    label.appendChild(el("span", c.zh));
    label.appendChild(el("span", c.n, "count"));
    li.appendChild(label);
    legend.appendChild(li);
  });

  function has(list, value) { return value === "" || list.indexOf(Number(value)) >= 0; }
  function passes(n) {
    return !hiddenClasses[n.c] &&
      has(n.reg, selects.region.value) &&
      has(n.area, selects.area.value) &&
      has(n.rep, selects.report.value) &&
      (selects.status.value === "" || n.st === selects.status.value);
  }
  var visible = data.nodes.map(function () { return true; });
  var shown = document.getElementById("shown");
  function applyFilters() {
    var changes = [];
    var count = 0;
    data.nodes.forEach(function (n, i) {
      var ok = passes(n);
      if (ok) { count += 1; }
      if (ok !== visible[i]) {
        visible[i] = ok;
        changes.push({ id: i, hidden: !ok });
      }
    });
    if (changes.length) { nodes.update(changes); }
    shown.textContent = "显示 " + count + " / " + data.nodes.length + " 个节点";
    if (search.value.trim()) { runSearch(); }
  }
  Object.keys(selects).forEach(function (k) { selects[k].addEventListener("change", applyFilters); });
  document.getElementById("reset").addEventListener("click", function () {
    Object.keys(selects).forEach(function (k) { selects[k].value = ""; });
    hiddenClasses = {};
    Array.prototype.forEach.call(legend.querySelectorAll("input"), function (b) { b.checked = true; });
    applyFilters();
  });

  // --- search ----------------------------------------------------------------------
  var search = document.getElementById("search");
  var searchCount = document.getElementById("search-count");
  var results = document.getElementById("search-results");
  function matches(q) {
    var out = [];
    data.nodes.forEach(function (n, i) {
      if (visible[i] && (n.label.indexOf(q) >= 0 || n.alt.some(function (a) { return a.indexOf(q) >= 0; }))) {
        out.push(i);
      }
    });
    return out;
  }
  function runSearch() {
    var q = search.value.trim();
    results.textContent = "";
    if (!q) {
      searchCount.textContent = "";
      network.unselectAll();
      return;
    }
    var found = matches(q);
    searchCount.textContent = "找到 " + found.length + " 个";
    network.selectNodes(found, false);
    if (found.length) { network.fit({ nodes: found, animation: false }); }
    found.slice(0, MAX_RESULTS).forEach(function (i) {
      var li = el("li", data.nodes[i].label);
      li.setAttribute("data-node", String(i));
      li.title = classes[data.nodes[i].c].zh;
      li.addEventListener("click", function () {
        results.textContent = "";
        focusNode(i);
      });
      results.appendChild(li);
    });
  }
  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(runSearch, 150);
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { clearTimeout(timer); runSearch(); }
    if (ev.key === "Escape") { search.value = ""; runSearch(); }
  });

  // --- side panel ------------------------------------------------------------------
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    network.setSize("100%", "100%");
    network.unselectAll();
  });

  function section(title) {
    body.appendChild(el("h3", title));
  }
  function sentence(ev) {
    var li = el("li");
    var report = data.reports[ev[0]];
    if (report) { li.appendChild(el("span", report.file || report.label, "src")); }
    var text = data.sentences[ev[1]];
    var start = ev[2];
    var end = ev[3];
    if (start >= 0 && end > start) {
      li.appendChild(document.createTextNode(text.slice(0, start)));
      li.appendChild(el("mark", text.slice(start, end)));
      li.appendChild(document.createTextNode(text.slice(end)));
    } else {
      li.appendChild(document.createTextNode(text));
    }
    return li;
  }
  function openPanel(i) {
    var n = data.nodes[i];
    var c = classes[n.c];
    body.textContent = "";
    body.setAttribute("data-node", String(i));
    body.appendChild(el("h2", n.label));
    var chip = el("span", c.zh, "cls");
    chip.style.background = c.colour;
    body.appendChild(chip);
    body.appendChild(el("div", n.iri, "iri"));

    var rows = n.attrs.concat(n.alt.map(function (a) { return ["别名", a]; }));
    if (rows.length) {
      var table = el("table");
      rows.forEach(function (a) {
        var tr = el("tr");
        tr.appendChild(el("td", a[0]));
        tr.appendChild(el("td", a[1]));
        table.appendChild(tr);
      });
      body.appendChild(table);
    }
    if (n.rep.length) {
      section("出自报告（" + n.rep.length + "）");
      var ul = el("ul", null, "reports");
      n.rep.forEach(function (r) {
        var rep = data.reports[r];
        var li = el("li", (rep.year ? rep.year + " · " : "") + (rep.file ? rep.file + " · " : "") + short(rep.label, 40));
        li.title = rep.label;
        ul.appendChild(li);
      });
      body.appendChild(ul);
    }
    if (n.ev.length) {
      section("原文依据（" + (n.ev.length + n.more) + "）");
      var ol = el("ol", null, "evidence");
      n.ev.forEach(function (ev) { ol.appendChild(sentence(ev)); });
      body.appendChild(ol);
      if (n.more) { body.appendChild(el("p", "另有 " + n.more + " 处出处未列出。", "hint")); }
    }
    var near = links[i].slice().sort(function (a, b) {
      return a.prop < b.prop ? -1 : a.prop > b.prop ? 1 : a.other - b.other;
    });
    if (near.length) {
      section("相邻节点（" + near.length + "）");
      var nl = el("ul", null, "neighbours");
      near.forEach(function (l) {
        var li = el("li");
        li.appendChild(el("span", (l.out ? l.prop + " → " : "← " + l.prop + " ") , "rel"));
        var a = el("a", short(data.nodes[l.other].label, 40));
        a.title = data.nodes[l.other].label;
        a.href = "#";
        a.setAttribute("data-node", String(l.other));
        a.addEventListener("click", function (ev) {
          ev.preventDefault();
          focusNode(l.other);
        });
        li.appendChild(a);
        nl.appendChild(li);
      });
      body.appendChild(nl);
    }
    var wasHidden = panel.hidden;
    panel.hidden = false;
    panel.scrollTop = 0;
    if (wasHidden) { network.setSize("100%", "100%"); }  // the canvas just got narrower
  }
  function focusNode(i) {
    network.selectNodes([i], true);
    openPanel(i);
    if (visible[i]) { network.focus(i, { scale: 1.2, animation: false }); }
  }
  network.on("click", function (p) {
    if (p.nodes.length) { openPanel(p.nodes[0]); }
  });

  applyFilters();
  // a handle for people in the console (and for the browser tests)
  window.lgkgPage = { network: network, nodes: nodes, edges: edges, data: data, focusNode: focusNode,
    visibleCount: function () { return visible.filter(Boolean).length; } };
}());
