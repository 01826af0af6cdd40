/**
 * The page's script: unpacks the data, then adds what needs it — the node rows of an expanded
 * group, each cell's reasons on hover or click, the filters and the node search. It builds
 * elements with `textContent` only: names and messages never reach the parser as HTML.
 * Plain ES2018 for any current browser; kept as text, since it runs in the page, not in Node.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var meta = JSON.parse(document.getElementById('everynode-meta').textContent);
  var matrix = document.getElementById('matrix');
  var pop = document.getElementById('pop');
  var controls = document.getElementById('controls');
  var statusLine = document.getElementById('status');
  var searchInput = document.getElementById('search');
  var moreGroups = document.getElementById('more-groups');
  var groupCount = meta.groupStates.length;
  var groupEls = new Array(groupCount);
  matrix.querySelectorAll('details.g').forEach(function (details) { groupEls[+details.getAttribute('data-g')] = details; });
  var groupLimit = meta.pageGroups;
  var columnCount = meta.columns.length;
  var marks = meta.marks;
  var WORDS = { r: 'runs a pod', k: 'no new pod; a running pod stays', n: 'no pod' };
  var STATIC_WORDS = { r: 'static pod: the kubelet runs it from its file', k: 'static pod', n: 'no static pod file for this node' };
  var PAGE = 100;
  var EXPAND_ALL_LIMIT = 2000;
  var LISTED = 8;
  var data = null;
  var reasons = null;
  var shownCell = null;
  var lowerNames = null;
  var matchesOf = null;
  var visibleColumns = meta.columns.map(function () { return true; });
  var shownVerdicts = { r: true, k: true, n: true };
  var pinned = null;
  var filterStyle = document.createElement('style');
  document.head.appendChild(filterStyle);

  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function plural(n, word) { return fmt(n) + ' ' + word + (n === 1 ? '' : 's'); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function decode(text) {
    var binary = atob(text.trim());
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text().then(JSON.parse);
  }

  function verdictOf(c, node) {
    var column = reasons.columns[c];
    return column.of[column.index < 0 ? node : reasons.indexes[column.index][node]];
  }
  function nodesOf(g) { return matchesOf ? matchesOf[g] : data.groups[g]; }
  function stateOf(cell) { return cell.classList.contains('r') ? 'r' : cell.classList.contains('k') ? 'k' : 'n'; }

  function appendNodes(details, nodes, from) {
    var box = details.querySelector('.nodes');
    var template = el('div', 'row node');
    template.appendChild(el('span', 'l'));
    var cells = details.querySelector('summary').children;
    for (var c = 1; c < cells.length; c++) {
      var cell = cells[c].cloneNode(true);
      cell.classList.remove('pinned');
      template.appendChild(cell);
    }
    var fragment = document.createDocumentFragment();
    var to = Math.min(nodes.length, from + PAGE);
    for (var k = from; k < to; k++) {
      var row = template.cloneNode(true);
      row.setAttribute('data-n', nodes[k]);
      row.firstChild.textContent = data.nodes[nodes[k]];
      row.firstChild.title = data.nodes[nodes[k]];
      fragment.appendChild(row);
    }
    if (to < nodes.length) {
      var more = el('div', 'row more');
      var button = el('button', null, 'Show ' + fmt(Math.min(PAGE, nodes.length - to)) + ' more (' + fmt(nodes.length - to) + ' left)');
      button.type = 'button';
      button.addEventListener('click', function () { more.remove(); appendNodes(details, nodes, to); });
      more.appendChild(button);
      fragment.appendChild(more);
    }
    box.appendChild(fragment);
  }

  function renderNodes(details) {
    details.querySelector('.nodes').textContent = '';
    if (data && details.open) appendNodes(details, nodesOf(+details.getAttribute('data-g')), 0);
  }

  function reasonText(reasonIds) {
    return reasonIds.map(function (id) { return reasons.reasons[id][0] + ': ' + reasons.reasons[id][1]; });
  }
  function symbol(state, isStatic) { return isStatic ? (state === 'r' ? marks.sr : marks.sn) : marks[state]; }

  var cellTemplates = {};
  function cellTemplate(state, isStatic) {
    var key = state + (isStatic ? 's' : '');
    if (!cellTemplates[key]) cellTemplates[key] = el('i', state + (isStatic ? ' s' : ''), symbol(state, isStatic));
    return cellTemplates[key];
  }

  function createGroup(g) {
    var nodes = data.groups[g];
    var details = el('details', 'g');
    details.setAttribute('data-g', g);
    var summary = el('summary', 'row');
    var label = el('span', 'l');
    if (nodes.length > 1) {
      label.appendChild(el('b', null, plural(nodes.length, 'node')));
      label.appendChild(document.createTextNode(' '));
    }
    label.appendChild(el('span', 'n1', data.nodes[nodes[0]]));
    if (nodes.length > 1) label.appendChild(document.createTextNode(', …'));
    summary.appendChild(label);
    var states = meta.groupStates[g];
    for (var c = 0; c < columnCount; c++) summary.appendChild(cellTemplate(states.charAt(c), meta.columns[c].static).cloneNode(true));
    details.appendChild(summary);
    details.appendChild(el('div', 'nodes'));
    var next = moreGroups;
    for (var h = g + 1; h < groupCount; h++) if (groupEls[h]) { next = groupEls[h]; break; }
    matrix.insertBefore(details, next);
    groupEls[g] = details;
    markMatches(g);
    return details;
  }

  var advisoriesByColumn = null;
  function advisoriesOf(c, node) {
    if (!advisoriesByColumn) {
      advisoriesByColumn = meta.columns.map(function () { return new Map(); });
      reasons.advisories.forEach(function (a) {
        var byNode = advisoriesByColumn[a[0]];
        if (!byNode.has(a[1])) byNode.set(a[1], []);
        byNode.get(a[1]).push(a[3] + ': ' + a[4]);
      });
    }
    return advisoriesByColumn[c].get(node) || [];
  }

  function list(items) {
    var ul = el('ul');
    items.forEach(function (item) { ul.appendChild(el('li', null, item)); });
    return ul;
  }

  function fillNodePop(c, node, state, words) {
    pop.appendChild(el('h3', null, data.nodes[node] + ' \u00b7 ' + meta.columns[c].id));
    var line = el('p');
    line.appendChild(el('span', 'v ' + state + (meta.columns[c].static ? ' s' : ''), symbol(state, meta.columns[c].static)));
    line.appendChild(document.createTextNode(' ' + words[state]));
    pop.appendChild(line);
    var texts = reasonText(reasons.columns[c].verdicts[verdictOf(c, node)]);
    if (texts.length > 0) pop.appendChild(list(texts));
    var advisories = advisoriesOf(c, node);
    if (advisories.length > 0) {
      pop.appendChild(el('p', null, 'Advisories: the pod would not run'));
      pop.appendChild(list(advisories));
    }
  }

  function fillGroupPop(c, g, state, words) {
    var nodes = data.groups[g];
    pop.appendChild(el('h3', null, plural(nodes.length, 'node') + ' \u00b7 ' + meta.columns[c].id));
    pop.appendChild(el('p', null, 'All: ' + words[state]));
    var counts = new Map();
    var advised = 0;
    nodes.forEach(function (node) {
      var v = verdictOf(c, node);
      counts.set(v, (counts.get(v) || 0) + 1);
      if (advisoriesOf(c, node).length > 0) advised++;
    });
    var verdicts = Array.from(counts.keys()).filter(function (v) { return reasons.columns[c].verdicts[v].length > 0; });
    verdicts.sort(function (a, b) { return counts.get(b) - counts.get(a) || a - b; });
    var items = verdicts.slice(0, LISTED).map(function (v) {
      var text = reasonText(reasons.columns[c].verdicts[v]).join('; ');
      return text + ' (' + plural(counts.get(v), 'node') + ')';
    });
    if (verdicts.length > LISTED) items.push('and ' + fmt(verdicts.length - LISTED) + ' more: expand the group for each node\'s reasons');
    if (items.length > 0) pop.appendChild(list(items));
    if (advised > 0) pop.appendChild(el('p', null, plural(advised, 'node') + ' with advisories: the pod would not run there'));
  }

  function showPop(cell) {
    var row = cell.parentNode;
    var c = Array.prototype.indexOf.call(row.children, cell) - 1;
    if (c < 0 || !data) return;
    shownCell = cell;
    pop.textContent = '';
    var state = stateOf(cell);
    var words = meta.columns[c].static ? STATIC_WORDS : WORDS;
    if (!reasons) {
      pop.appendChild(el('h3', null, meta.columns[c].id));
      pop.appendChild(el('p', null, words[state] + ' (reading the reasons\u2026)'));
    } else if (row.classList.contains('node')) fillNodePop(c, +row.getAttribute('data-n'), state, words);
    else {
      var nodes = data.groups[+row.parentNode.getAttribute('data-g')];
      if (nodes.length === 1) fillNodePop(c, nodes[0], state, words);
      else fillGroupPop(c, +row.parentNode.getAttribute('data-g'), state, words);
    }
    pop.hidden = false;
    var rect = cell.getBoundingClientRect();
    var left = Math.min(rect.right + 6, window.innerWidth - pop.offsetWidth - 8);
    var top = rect.bottom + pop.offsetHeight + 6 > window.innerHeight ? rect.top - pop.offsetHeight - 6 : rect.bottom + 6;
    pop.style.left = Math.max(4, left) + 'px';
    pop.style.top = Math.max(4, top) + 'px';
  }

  function hidePop() {
    if (pinned) pinned.classList.remove('pinned');
    pinned = null;
    shownCell = null;
    pop.hidden = true;
  }

  function cellAt(target) {
    var cell = target.closest ? target.closest('i') : null;
    if (!cell || !matrix.contains(cell)) return null;
    var row = cell.parentNode;
    return row.classList.contains('row') && !row.classList.contains('hdr') ? cell : null;
  }

  matrix.addEventListener('click', function (event) {
    var cell = cellAt(event.target);
    if (!cell) return;
    event.preventDefault();
    event.stopPropagation();
    if (pinned === cell) { hidePop(); return; }
    hidePop();
    pinned = cell;
    cell.classList.add('pinned');
    showPop(cell);
  });
  matrix.addEventListener('mouseover', function (event) {
    var cell = cellAt(event.target);
    if (cell && !pinned) showPop(cell);
  });
  matrix.addEventListener('mouseleave', function () { if (!pinned) pop.hidden = true; });
  document.addEventListener('click', function (event) { if (pinned && !pop.contains(event.target)) hidePop(); });
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') hidePop(); });

  matrix.addEventListener('toggle', function (event) {
    var details = event.target;
    if (details.classList && details.classList.contains('g')) renderNodes(details);
  }, true);

  function openTarget() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  window.addEventListener('hashchange', openTarget);

  function groupSize(g) {
    if (matchesOf) return matchesOf[g].length;
    return data ? data.groups[g].length : 0;
  }

  function markMatches(g) {
    if (!groupEls[g]) return;
    var label = groupEls[g].querySelector('summary > .l');
    var mark = label.querySelector('.match');
    if (!matchesOf) { if (mark) mark.remove(); return; }
    if (!mark) { mark = el('span', 'match'); label.insertBefore(mark, label.firstChild); }
    mark.textContent = fmt(matchesOf[g].length) + ' matching: ';
  }

  moreGroups.textContent = '';
  var moreButton = el('button');
  moreButton.type = 'button';
  moreButton.addEventListener('click', function () { groupLimit += meta.pageGroups; applyFilters(false); });

  function applyFilters(nodesChanged) {
    var rules = [];
    for (var c = 0; c < columnCount; c++) if (!visibleColumns[c]) rules.push('#matrix .row > :nth-child(' + (c + 2) + ')');
    var css = rules.length > 0 ? rules.join(',') + '{display:none}' : '';
    ['r', 'k', 'n'].forEach(function (s) { if (!shownVerdicts[s]) css += '#matrix .row > i.' + s + '{opacity:.15}'; });
    filterStyle.textContent = css;
    var shownGroups = 0;
    var shownNodes = 0;
    var laterGroups = 0;
    var laterNodes = 0;
    for (var g = 0; g < groupCount; g++) {
      var states = meta.groupStates[g];
      var visible = columnCount === 0;
      for (var d = 0; d < columnCount && !visible; d++) if (visibleColumns[d] && shownVerdicts[states.charAt(d)]) visible = true;
      if (matchesOf && matchesOf[g].length === 0) visible = false;
      if (visible && shownGroups >= groupLimit) {
        laterGroups++;
        laterNodes += groupSize(g);
        visible = false;
      }
      if (visible) {
        shownGroups++;
        shownNodes += groupSize(g);
        if (!groupEls[g]) createGroup(g);
        else if (nodesChanged) { markMatches(g); if (groupEls[g].open) renderNodes(groupEls[g]); }
      }
      if (groupEls[g]) groupEls[g].hidden = !visible;
    }
    statusLine.textContent = 'Showing ' + fmt(shownGroups) + ' of ' + plural(groupCount, 'group') + ', '
      + fmt(shownNodes) + ' of ' + plural(meta.nodeCount, 'node');
    if (laterGroups > 0) {
      moreButton.textContent = 'Show ' + fmt(Math.min(meta.pageGroups, laterGroups)) + ' more of ' + plural(laterGroups, 'smaller group')
        + ' (' + plural(laterNodes, 'node') + ')';
      moreGroups.appendChild(moreButton);
    } else if (moreButton.parentNode) {
      moreButton.remove();
    }
  }

  function runSearch() {
    var query = searchInput.value.trim().toLowerCase();
    if (query === '') {
      matchesOf = null;
    } else {
      if (!lowerNames) lowerNames = data.nodes.map(function (name) { return name.toLowerCase(); });
      matchesOf = data.groups.map(function (nodes) { return nodes.filter(function (i) { return lowerNames[i].indexOf(query) >= 0; }); });
    }
    applyFilters(true);
    if (matchesOf) {
      var total = matchesOf.reduce(function (n, nodes) { return n + nodes.length; }, 0);
      if (total <= 50) matchesOf.forEach(function (nodes, g) { if (nodes.length > 0 && groupEls[g]) groupEls[g].open = true; });
    }
  }

  var searchTimer = 0;
  searchInput.addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 120);
  });

  controls.addEventListener('change', function (event) {
    var input = event.target;
    if (input.name === 'verdict') { shownVerdicts[input.value] = input.checked; applyFilters(false); }
    if (input.name === 'ds') { visibleColumns[+input.value] = input.checked; columnsChanged(); }
  });

  function columnsChanged() {
    var shown = visibleColumns.filter(Boolean).length;
    document.getElementById('ds-count').textContent = shown === columnCount ? 'all' : fmt(shown) + ' of ' + fmt(columnCount);
    applyFilters(false);
  }

  var dsBoxes = controls.querySelectorAll('input[name=ds]');
  document.getElementById('ds-search').addEventListener('input', function (event) {
    var query = event.target.value.trim().toLowerCase();
    dsBoxes.forEach(function (box) { box.parentNode.hidden = query !== '' && box.parentNode.textContent.toLowerCase().indexOf(query) < 0; });
  });
  function setListed(checked) {
    dsBoxes.forEach(function (box) {
      if (box.parentNode.hidden) return;
      box.checked = checked;
      visibleColumns[+box.value] = checked;
    });
    columnsChanged();
  }
  document.getElementById('ds-all').addEventListener('click', function () { setListed(true); });
  document.getElementById('ds-none').addEventListener('click', function () { setListed(false); });

  document.getElementById('expand-all').addEventListener('click', function () {
    var budget = EXPAND_ALL_LIMIT;
    for (var g = 0; g < groupCount && budget > 0; g++) {
      if (!groupEls[g] || groupEls[g].hidden) continue;
      // The toggle event comes in a later task: render now, so the rows are there when the click returns.
      if (!groupEls[g].open) { groupEls[g].open = true; renderNodes(groupEls[g]); }
      budget -= Math.min(PAGE, groupSize(g));
    }
  });
  document.getElementById('collapse-all').addEventListener('click', function () {
    for (var g = 0; g < groupCount; g++) if (groupEls[g]) groupEls[g].open = false;
  });

  decode(document.getElementById('everynode-rows').textContent).then(function (unpacked) {
    data = unpacked;
    controls.hidden = false;
    applyFilters(false);
    for (var g = 0; g < groupCount; g++) if (groupEls[g] && groupEls[g].open) renderNodes(groupEls[g]);
    openTarget();
    root.setAttribute('data-ready', '');
    performance.mark('everynode-ready');
    // Read after the page answers: over a large inventory they are megabytes, needed only for a popup.
    return decode(document.getElementById('everynode-reasons').textContent).then(function (unpacked) {
      reasons = unpacked;
      root.setAttribute('data-reasons', '');
      performance.mark('everynode-reasons');
      if (shownCell && !pop.hidden) showPop(shownCell);
    });
  }).catch(function (error) {
    matrix.parentNode.insertBefore(el('p', 'error', 'This browser cannot unpack the page data (' + error + '): the matrix shows groups only.'), matrix);
    root.setAttribute('data-ready', 'groups-only');
  });
})();
`;
