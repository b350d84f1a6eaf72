// Shift handover and maintenance windows of the operator console. Handover reassigns alerts in bulk with a
// note (each alert's audit trail records who handed what to whom and why); a maintenance window is a silence
// created after previewing the open alerts its matchers select. Uses console.js and overview.js (wall.open:
// the open alerts, kept live by the overview's stream).
'use strict';

const BULK_CHUNK = 500; // the API's largest bulk request
const UNASSIGNED = '';

// ---- who holds what ----
function me() {
  return $('me').value.trim();
}

$('shift-me').addEventListener('change', () => {
  $('me').value = $('shift-me').value.trim();
  saveFilters();
  renderPeople();
});

document.addEventListener('console:view', (e) => {
  if (e.detail === 'shift') {
    $('shift-me').value = me();
    renderPeople();
  } else if (e.detail === 'maintenance') {
    loadSilences();
  }
});
document.addEventListener('console:open-alerts', () => {
  if (state.view === 'shift') renderPeople();
});

function byPerson() {
  const people = new Map();
  wall.open.forEach((a) => {
    const who = a.assignee || UNASSIGNED;
    const row = people.get(who) || { open: 0, unack: 0, loud: 0 };
    row.open += 1;
    if (a.handling === 'UNACK') row.unack += 1;
    if (LOUD.has(a.severity)) row.loud += 1;
    people.set(who, row);
  });
  return new Map([...people.entries()].sort(([a], [b]) => (a === UNASSIGNED) - (b === UNASSIGNED) || a.localeCompare(b, 'vi')));
}

function renderPeople() {
  const people = byPerson();
  $('people').replaceChildren(...[...people.entries()].map(([who, row]) => el('tr', { 'data-person': who },
    el('td', {}, who === UNASSIGNED ? tr('(chưa giao)') : who + (who === me() ? ' (tôi)' : '')),
    el('td', { 'data-field': 'open' }, row.open), el('td', { 'data-field': 'unack' }, row.unack),
    el('td', { 'data-field': 'loud' }, row.loud))));
  const chosen = $('take-from').value;
  $('take-from').replaceChildren(...[...people.keys()].filter((who) => who !== me()).map((who) =>
    el('option', { value: who }, who === UNASSIGNED ? '(cảnh báo chưa giao)' : who)));
  if ([...$('take-from').options].some((o) => o.value === chosen)) $('take-from').value = chosen;
}

// Reassigns every open alert held by `from` to `to`, in as few bulk requests as the API allows.
async function reassign(from, to, comment) {
  const targets = [...wall.open.values()].filter((a) => (a.assignee || UNASSIGNED) === from)
    .map((a) => ({ id: a.id, version: a.version }));
  let changed = 0;
  const refused = [];
  for (let i = 0; i < targets.length; i += BULK_CHUNK) {
    const { data } = await api('POST', '/alerts/bulk',
      { action: 'assign', alerts: targets.slice(i, i + BULK_CHUNK), assignee: to, comment });
    data.results.forEach((r) => {
      if (r.outcome === 'CHANGED' || r.outcome === 'UNCHANGED') changed += 1; else refused.push('#' + r.alertId);
    });
  }
  return { total: targets.length, changed, refused };
}

function shiftMessage(kind, text) {
  $('shift-message').className = 'message ' + kind;
  $('shift-message').textContent = text;
}

async function runHandover(from, to, comment) {
  try {
    const result = await reassign(from, to, comment);
    shiftMessage(result.refused.length ? 'error' : 'ok', 'Đã chuyển ' + result.changed + '/' + result.total
      + ' cảnh báo cho ' + to + (result.refused.length ? '; không chuyển được (vừa thay đổi, thử lại): '
        + result.refused.join(', ') : '.'));
  } catch (err) {
    shiftMessage('error', err.status === 403 ? 'Mã truy cập này chỉ được xem, không được giao việc.' : err.message);
  }
}

$('handover-go').addEventListener('click', () => {
  const to = $('handover-to').value.trim();
  if (!me() || !to) {
    shiftMessage('error', 'Hãy nhập tên của bạn (“Tôi là”) và người nhận ca.');
    return;
  }
  const note = $('handover-note').value.trim();
  runHandover(me(), to, 'Bàn giao ca cho ' + to + (note ? ': ' + note : ''));
});

$('take-go').addEventListener('click', () => {
  const from = $('take-from').value;
  if (!me() || $('take-from').selectedIndex < 0) {
    shiftMessage('error', 'Hãy nhập tên của bạn (“Tôi là”) và chọn ca cần nhận.');
    return;
  }
  runHandover(from, me(), from === UNASSIGNED ? 'Nhận các cảnh báo chưa giao' : 'Nhận ca từ ' + from);
});

// ---- maintenance windows ----
function matchers() {
  return $('mw-matchers').value.split('\n').map((line) => line.trim()).filter(Boolean);
}

function mwMessage(kind, text) {
  $('mw-message').className = 'message ' + kind;
  $('mw-message').textContent = text;
}

// The open alerts the matchers select, asked of the API with the same matcher syntax the silence uses.
async function preview() {
  const list = matchers();
  if (!list.length) {
    mwMessage('error', 'Hãy nhập ít nhất một điều kiện, ví dụ area=co-do.');
    return null;
  }
  const params = new URLSearchParams({ condition: OPEN_CONDITIONS, limit: '500' });
  list.forEach((m) => params.append('match', m));
  try {
    const { data } = await api('GET', '/alerts?' + params);
    $('mw-preview-count').textContent = '(' + data.items.length + (data.nextCursor ? '+' : '') + ')';
    $('mw-preview').replaceChildren(...data.items.map((a) => el('tr', { 'data-alert-id': a.id },
      el('td', {}, el('span', { class: 'sev sev-' + (a.severity || 'NONE') }, label('severity', a.severity || 'NONE'))),
      el('td', {}, title(a)), el('td', {}, areaName(a.areaCode)))));
    mwMessage('', '');
    return data.items;
  } catch (err) {
    mwMessage('error', err.message);
    return null;
  }
}

$('mw-preview-go').addEventListener('click', preview);

$('mw-create').addEventListener('click', async () => {
  const comment = $('mw-comment').value.trim();
  if (!comment) {
    mwMessage('error', 'Hãy ghi lý do bảo trì.');
    return;
  }
  // The operator sees what is about to be silenced, even when they skipped the preview.
  if (await preview() === null) return;
  const endsAt = new Date(Date.now() + Number($('mw-duration').value) * 3600e3).toISOString();
  try {
    const { data } = await api('POST', '/silences', { matchers: matchers(), comment, endsAt });
    mwMessage('ok', 'Đã bắt đầu bảo trì #' + data.id + ' đến ' + when(data.endsAt) + '.');
    loadSilences();
  } catch (err) {
    mwMessage('error', err.status === 403 ? 'Mã truy cập này chỉ được xem, không được tạo bảo trì.' : err.message);
  }
});

async function loadSilences() {
  try {
    const { data } = await api('GET', '/silences');
    $('silences').replaceChildren(...data.items.map((s) => {
      const end = el('button', { type: 'button', id: 'expire-' + s.id }, 'Kết thúc');
      end.addEventListener('click', async () => {
        try {
          await api('POST', '/silences/' + s.id + '/expire');
          mwMessage('ok', 'Đã kết thúc bảo trì #' + s.id + '.');
          loadSilences();
        } catch (err) {
          mwMessage('error', err.message);
        }
      });
      return el('tr', { 'data-silence-id': s.id }, el('td', {}, s.id),
        el('td', {}, s.matchers.map((m) => m.label + m.op + m.value).join(', ')),
        el('td', {}, when(s.startsAt)), el('td', {}, when(s.endsAt)), el('td', {}, s.createdBy), el('td', {}, s.comment),
        el('td', {}, end));
    }));
  } catch (err) {
    mwMessage('error', err.message);
  }
}
