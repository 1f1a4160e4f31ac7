// The day grid as a planning surface: drag a meeting to another time (and, by room, another room), drag its
// lower edge to change its length, or move it from the keyboard. Steps of 5 minutes. While it moves, the page
// asks the server what the drop would meet (check-move, written nowhere, kept per target) and marks the target;
// the drop saves through the same path as any edit (drop: the version check, the save check, the audit row,
// the notice with Undo). A refused drop puts the card back and says why, with "Save as tentative" and "Find
// another time". Without JavaScript the grid is as it was: each card links to its page (with the Move form),
// each empty cell to a new meeting there.
(function () {
  'use strict';
  var table = document.querySelector('table[data-drag-grid]');
  if (!table || typeof window.fetch !== 'function') return;
  var byRoom = table.getAttribute('data-drag-grid') === 'rooms';
  var forumId = table.getAttribute('data-forum');
  var day = table.getAttribute('data-date');
  var csrf = table.getAttribute('data-csrf');
  var scroller = table.parentElement;
  var live = document.querySelector('[data-drag-live]');
  var panel = document.querySelector('[data-drag-panel]');
  var hint = document.querySelector('[data-drag-hint]');
  // What the script says, in the page's language: data-words on the panel (catalogue ui.grid.js.*), {title} and {at} filled here.
  var WORDS = {};
  try { WORDS = JSON.parse((panel && panel.getAttribute('data-words')) || '{}'); } catch (e) { WORDS = {}; }
  function word(name, fallback, title, at) {
    var w = WORDS[name] || fallback;
    if (title !== undefined) w = w.replace('{title}', title);
    if (at !== undefined) w = w.replace('{at}', at);
    return w;
  }
  var STEP = 5;
  var ROW = 15;
  var DAY_MINUTES = 24 * 60;
  var THRESHOLD = 4;

  var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr[data-t]'), function (tr) {
    var t = tr.getAttribute('data-t').split(':');
    return { el: tr, t: Number(t[0]) * 60 + Number(t[1]) };
  });
  var cols = Array.prototype.map.call(table.querySelectorAll('thead th[data-col]'), function (th) {
    var key = th.getAttribute('data-col');
    var room = /^room-(\d+)$/.exec(key);
    return { el: th, key: key, roomId: room ? Number(room[1]) : null, label: (th.querySelector('.column-label') || th).textContent.trim() };
  });
  if (!rows.length || !cols.length) return;
  var firstMinute = rows[0].t;
  var lastMinute = rows[rows.length - 1].t + ROW;

  // Wall-clock arithmetic on the grid's day: minutes since its midnight, and back to 'YYYY-MM-DDTHH:mm'.
  var midnight = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  function minutesOf(local) {
    var at = Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)), Number(local.slice(11, 13)), Number(local.slice(14, 16)));
    return Math.round((at - midnight) / 60000);
  }
  function localOf(minutes) {
    return new Date(midnight + minutes * 60000).toISOString().slice(0, 16);
  }
  function clock(minutes) {
    return localOf(minutes).slice(11);
  }
  function snap(minutes) {
    return Math.round(minutes / STEP) * STEP;
  }
  function clamp(n, lo, hi) {
    return Math.max(lo, Math.min(hi, n));
  }

  // Geometry, in the scroll box's coordinates (the ghost lives inside it).
  function box(el) {
    var r = el.getBoundingClientRect();
    var s = scroller.getBoundingClientRect();
    return { top: r.top - s.top + scroller.scrollTop, left: r.left - s.left + scroller.scrollLeft, width: r.width, height: r.height };
  }
  function minuteAtY(clientY) {
    for (var i = 0; i < rows.length; i += 1) {
      var r = rows[i].el.getBoundingClientRect();
      if (clientY < r.bottom || i === rows.length - 1) return rows[i].t + clamp((clientY - r.top) / r.height, 0, 1) * ROW;
    }
    return lastMinute;
  }
  function yOf(minutes) {
    var m = clamp(minutes, firstMinute, lastMinute);
    var i = clamp(Math.floor((m - firstMinute) / ROW), 0, rows.length - 1);
    while (i > 0 && rows[i].t > m) i -= 1;
    while (i < rows.length - 1 && rows[i + 1].t <= m) i += 1;
    var b = box(rows[i].el);
    return b.top + ((m - rows[i].t) / ROW) * b.height;
  }
  function colAtX(clientX) {
    var best = 0;
    for (var i = 0; i < cols.length; i += 1) {
      var r = cols[i].el.getBoundingClientRect();
      if (clientX >= r.left) best = i;
    }
    return best;
  }

  function say(text) {
    if (!live) return;
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 30);
  }

  // The cards a planner may move: meetings wholly on this day, not cancelled (the view leaves those out).
  var cards = Array.prototype.filter.call(table.querySelectorAll('td[data-meeting]'), function (td) {
    var s = minutesOf(td.getAttribute('data-s'));
    var e = minutesOf(td.getAttribute('data-e'));
    return s >= 0 && e <= DAY_MINUTES && e > s;
  });
  if (!cards.length) return;
  table.classList.add('drag-ready');
  if (hint) hint.hidden = false;

  function cardOf(td) {
    var r = td.getBoundingClientRect();
    var col = colAtX(r.left + r.width / 2);
    return {
      td: td,
      id: td.getAttribute('data-meeting'),
      version: Number(td.getAttribute('data-v')),
      status: td.getAttribute('data-status'),
      title: (td.querySelector('.entry-title') || td).textContent.trim(),
      start: minutesOf(td.getAttribute('data-s')),
      end: minutesOf(td.getAttribute('data-e')),
      col: col,
    };
  }
  // A room column can take a meeting from another room; Elsewhere and the person columns move in time only.
  function movesAcross(card) {
    return byRoom && cols[card.col].roomId !== null;
  }
  function roomCols() {
    var list = [];
    for (var i = 0; i < cols.length; i += 1) if (cols[i].roomId !== null) list.push(i);
    return list;
  }

  cards.forEach(function (td) {
    var title = (td.querySelector('.entry-title') || td).textContent.trim();
    var handle = document.createElement('button');
    handle.type = 'button';
    handle.className = 'drag-handle';
    handle.setAttribute('aria-label', word('move', 'Move “{title}”', title));
    handle.textContent = '⠿';
    var head = td.querySelector('.entry-head') || td.firstElementChild || td;
    head.insertBefore(handle, head.firstChild);
    var edge = document.createElement('span');
    edge.className = 'drag-resize';
    edge.setAttribute('aria-hidden', 'true');
    td.appendChild(edge);
  });

  // One move at a time: by pointer ('move' or 'resize') or by keyboard.
  var active = null;
  var suppressClick = false;
  var checks = {};
  var checkTimer = null;

  function targetKey(t) {
    return t.start + '|' + t.end + '|' + (t.roomId === null || t.roomId === undefined ? '' : t.roomId);
  }
  function bodyOf(t) {
    var body = { start: localOf(t.start), end: localOf(t.end) };
    if (t.roomId !== null && t.roomId !== undefined) body.roomId = t.roomId;
    return body;
  }
  function post(path, body) {
    return fetch('/forums/' + forumId + '/meetings/' + active.card.id + '/' + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res.json().then(function (json) { return { status: res.status, json: json }; }, function () { return { status: res.status, json: {} }; });
    });
  }

  function begin(card, kind) {
    closePanel();
    var roomId = movesAcross(card) ? cols[card.col].roomId : null;
    active = { card: card, kind: kind, target: { start: card.start, end: card.end, col: card.col, roomId: roomId } };
    var ghost = document.createElement('div');
    ghost.className = 'drag-ghost';
    ghost.setAttribute('aria-hidden', 'true');
    ghost.innerHTML = '<strong class="drag-ghost-time"></strong> <span class="drag-ghost-state"></span>';
    scroller.classList.add('drag-scroller');
    scroller.appendChild(ghost);
    active.ghost = ghost;
    card.td.classList.add('drag-source');
    table.classList.add('dragging');
    show();
  }

  function same(t, card) {
    return t.start === card.start && t.end === card.end && t.col === card.col;
  }

  function where(t) {
    return clock(t.start) + '–' + (t.end >= DAY_MINUTES ? '24:00' : clock(t.end)) + (byRoom ? ', ' + cols[t.col].label : '');
  }

  // Draws the ghost over the target and marks the free cells under it; asks what the target would meet.
  function show() {
    var t = active.target;
    var g = active.ghost;
    var c = box(cols[t.col].el);
    var top = yOf(t.start);
    g.style.top = top + 'px';
    g.style.height = Math.max(12, yOf(t.end) - top) + 'px';
    g.style.left = c.left + 'px';
    g.style.width = c.width + 'px';
    g.querySelector('.drag-ghost-time').textContent = where(t);
    unmark();
    if (same(t, active.card)) {
      state(null);
      return;
    }
    var key = targetKey(t);
    if (checks[key]) return state(checks[key]);
    state('checking');
    window.clearTimeout(checkTimer);
    checkTimer = window.setTimeout(function () { check(key, t); }, 150);
  }

  function check(key, t) {
    if (!active) return;
    var asked = active;
    var body = bodyOf(t);
    body.version = asked.card.version;
    post('check-move', body).then(function (answer) {
      if (answer.status === 412) answer.json = { errors: [{ message: answer.json.error || word('changed', 'Changed meanwhile.') }], warnings: [], refused: true, stale: true };
      else if (answer.status !== 200) return;
      checks[key] = answer.json;
      if (active === asked && targetKey(active.target) === key) state(answer.json);
    }, function () { /* the drop itself will tell */ });
  }

  function state(result) {
    var g = active.ghost;
    var label = g.querySelector('.drag-ghost-state');
    g.classList.remove('is-error', 'is-warning', 'is-free');
    if (result === null) {
      label.textContent = '';
      return;
    }
    if (result === 'checking') {
      label.textContent = word('checking', 'checking…');
      return;
    }
    var kinds = function (list) { return list.map(function (c) { return c.message; }).join(' '); };
    var text;
    if (result.errors.length) {
      g.classList.add('is-error');
      text = result.stale ? word('stale', 'changed meanwhile: reload') : result.refused ? word('wouldRefuse', 'clash: would be refused') : word('clash', 'clash');
      mark('drop-clash');
      label.textContent = text;
      if (active.kind === 'keyboard') say(where(active.target) + ': ' + text + '. ' + kinds(result.errors));
    } else if (result.warnings.length) {
      g.classList.add('is-warning');
      mark('drop-warning');
      label.textContent = word('warning', 'warning');
      if (active.kind === 'keyboard') say(where(active.target) + ': ' + label.textContent + '. ' + kinds(result.warnings));
    } else {
      g.classList.add('is-free');
      label.textContent = word('free', 'free');
      if (active.kind === 'keyboard') say(where(active.target) + ': ' + label.textContent + '.');
    }
  }

  // The cells of the target column that the drop would cover: empty ones, and the meetings it would meet.
  function mark(cls) {
    var t = active.target;
    var c = box(cols[t.col].el);
    var top = yOf(t.start) + 1;
    var bottom = yOf(t.end) - 1;
    Array.prototype.forEach.call(table.tBodies[0].querySelectorAll('td'), function (td) {
      if (td === active.card.td) return;
      var r = box(td);
      var mid = r.left + r.width / 2;
      if (mid >= c.left && mid <= c.left + c.width && r.top < bottom && r.top + r.height > top) td.classList.add(cls);
    });
  }
  function unmark() {
    Array.prototype.forEach.call(table.querySelectorAll('.drop-clash, .drop-warning'), function (td) {
      td.classList.remove('drop-clash', 'drop-warning');
    });
  }

  function finish() {
    if (!active) return;
    window.clearTimeout(checkTimer);
    unmark();
    if (active.ghost.parentNode) active.ghost.parentNode.removeChild(active.ghost);
    active.card.td.classList.remove('drag-source');
    table.classList.remove('dragging');
    active = null;
  }

  function cancel(why) {
    if (!active) return;
    var title = active.card.title;
    var handle = active.card.td.querySelector('.drag-handle');
    finish();
    if (why) say(why.replace('{title}', title));
    if (handle) handle.focus({ preventScroll: true });
  }

  function drop(status) {
    var t = active.target;
    var card = active.card;
    if (same(t, card) && !status) return cancel(word('stays', '“{title}” stays where it was.'));
    var body = bodyOf(t);
    body.version = card.version;
    body.back = window.location.pathname + window.location.search;
    if (status) body.status = status;
    active.ghost.querySelector('.drag-ghost-state').textContent = word('saving', 'saving…');
    active.saving = true;
    var moving = active;
    say(word('savingAt', 'Saving “{title}” at {at}…', card.title, where(t)));
    post('drop', body).then(function (answer) {
      if (answer.status === 200) {
        // The grid as it is now, with the notice and its Undo (and the card's warnings marked on it).
        window.location.reload();
        return;
      }
      if (active === moving) finish();
      refused(card, t, answer);
    }, function () {
      if (active === moving) finish();
      refused(card, t, { status: 0, json: { error: word('unreachable', 'The server could not be reached; nothing was saved.') } });
    });
  }

  // The card is back where it was; say why, with what the planner can do next.
  function refused(card, t, answer) {
    var json = answer.json || {};
    var message = panel.querySelector('[data-drag-message]');
    var reasons = panel.querySelector('[data-drag-reasons]');
    var offers = panel.querySelector('[data-drag-offers]');
    var reload = panel.querySelector('[data-drag-reload]');
    reasons.textContent = '';
    offers.hidden = true;
    reload.hidden = true;
    var lead = word('notMoved', '“{title}” was not moved to {at} and is back where it was.', card.title, where(t)) + ' ';
    if (answer.status === 409) {
      message.textContent = lead + (json.error || '');
      (json.errors || []).concat(json.warnings || []).forEach(function (c) {
        var li = document.createElement('li');
        li.textContent = c.message;
        reasons.appendChild(li);
      });
      offers.hidden = false;
      panel.querySelector('[data-drag-find]').setAttribute('href', json.findTimeHref || '/forums/' + forumId + '/find-time');
      var tentative = panel.querySelector('[data-drag-tentative]');
      tentative.onclick = function () {
        active = { card: card, kind: 'retry', target: t, ghost: document.createElement('div') };
        active.ghost.innerHTML = '<span class="drag-ghost-state"></span>';
        drop('tentative');
      };
    } else if (answer.status === 412) {
      message.textContent = lead + (json.error || word('someoneChanged', 'Someone changed it meanwhile.'));
      reload.setAttribute('href', window.location.href);
      reload.hidden = false;
    } else {
      var fields = json.fields ? Object.keys(json.fields).map(function (k) { return json.fields[k]; }).join(' ') : '';
      message.textContent = lead + (fields || json.error || word('notSaved', 'It could not be saved.'));
    }
    panel.hidden = false;
    var handle = card.td.querySelector('.drag-handle');
    if (handle) handle.focus({ preventScroll: true });
  }
  function closePanel() {
    if (panel) panel.hidden = true;
  }
  if (panel) panel.querySelector('[data-drag-close]').addEventListener('click', closePanel);

  // Pointer: mouse, pen or touch. The card's body drags with a mouse; the handle and the lower edge with anything
  // (they take no scrolling gesture, so a finger can grab them without the page panning).
  var press = null;
  table.addEventListener('pointerdown', function (event) {
    if (active || event.button !== 0) return;
    var td = event.target.closest('td[data-meeting]');
    if (!td || cards.indexOf(td) < 0) return;
    var onEdge = event.target.classList.contains('drag-resize');
    var onHandle = event.target.classList.contains('drag-handle');
    if (event.pointerType !== 'mouse' && !onEdge && !onHandle) return;
    var card = cardOf(td);
    press = { card: card, kind: onEdge ? 'resize' : 'move', x: event.clientX, y: event.clientY, id: event.pointerId, grab: minuteAtY(event.clientY) - card.start, started: false };
    if (onEdge || onHandle) event.preventDefault();
  });
  table.addEventListener('pointermove', function (event) {
    if (!press || event.pointerId !== press.id) return;
    if (!press.started) {
      if (Math.abs(event.clientX - press.x) + Math.abs(event.clientY - press.y) < THRESHOLD) return;
      press.started = true;
      begin(press.card, press.kind);
      try { press.card.td.setPointerCapture(event.pointerId); } catch (e) { /* released already */ }
    }
    event.preventDefault();
    var t = active.target;
    var card = active.card;
    var length = card.end - card.start;
    if (press.kind === 'resize') {
      t.end = clamp(snap(minuteAtY(event.clientY)), card.start + STEP, Math.min(card.start + DAY_MINUTES, DAY_MINUTES));
    } else {
      t.start = clamp(snap(minuteAtY(event.clientY) - press.grab), 0, DAY_MINUTES - length);
      t.end = t.start + length;
      if (movesAcross(card)) {
        var col = colAtX(event.clientX);
        if (cols[col].roomId !== null) {
          t.col = col;
          t.roomId = cols[col].roomId;
        }
      }
    }
    show();
  });
  function release(event) {
    if (!press || event.pointerId !== press.id) return;
    var started = press.started;
    press = null;
    if (!started || !active) return;
    suppressClick = true;
    window.setTimeout(function () { suppressClick = false; }, 0);
    if (event.type === 'pointercancel') return cancel(word('cancelled', 'Moving “{title}” was cancelled.'));
    drop();
  }
  table.addEventListener('pointerup', release);
  table.addEventListener('pointercancel', release);
  // A drag that ends on the card's link is not a click on it.
  table.addEventListener('click', function (event) {
    if (suppressClick) {
      event.preventDefault();
      event.stopPropagation();
      suppressClick = false;
    }
  }, true);

  // Keyboard: the handle picks the card up; arrows move it, Enter saves, Escape puts it back.
  table.addEventListener('click', function (event) {
    var handle = event.target.closest('.drag-handle');
    if (!handle || active) return;
    event.preventDefault();
    var card = cardOf(handle.closest('td[data-meeting]'));
    begin(card, 'keyboard');
    say(movesAcross(card)
      ? word('keyboardAcross', 'Moving “{title}”, {at}. Arrow keys move it, left and right to another room; Enter saves, Escape cancels.', card.title, where(active.target))
      : word('keyboard', 'Moving “{title}”, {at}. Arrow keys move it; Enter saves, Escape cancels.', card.title, where(active.target)));
  });
  table.addEventListener('keydown', function (event) {
    if (!active || active.kind !== 'keyboard' || active.saving) return;
    var t = active.target;
    var card = active.card;
    var length = t.end - t.start;
    var step = event.shiftKey ? STEP : ROW;
    var moved = true;
    if (event.key === 'Escape') {
      event.preventDefault();
      return cancel(word('stays', '“{title}” stays where it was.'));
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      return drop();
    }
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      t.end = clamp(t.end + (event.key === 'ArrowUp' ? -STEP : STEP), t.start + STEP, DAY_MINUTES);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      t.start = clamp(t.start + (event.key === 'ArrowUp' ? -step : step), 0, DAY_MINUTES - length);
      t.end = t.start + length;
    } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && movesAcross(card)) {
      var list = roomCols();
      var at = list.indexOf(t.col) + (event.key === 'ArrowLeft' ? -1 : 1);
      if (at >= 0 && at < list.length) {
        t.col = list[at];
        t.roomId = cols[t.col].roomId;
      }
    } else {
      moved = false;
    }
    if (!moved) return;
    event.preventDefault();
    show();
    // On a narrow screen the target can be a room off to the side: bring it into the grid's box.
    if (active.ghost.scrollIntoView) active.ghost.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    var key = targetKey(t);
    if (!checks[key] && !same(t, card)) say(where(t) + '…');
    else if (same(t, card)) say(word('whereNow', '{at}: where it is now.', undefined, where(t)));
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && active && active.kind !== 'keyboard' && !active.saving) cancel(word('cancelled', 'Moving “{title}” was cancelled.'));
  });
})();
