// Operator console of the Cần Thơ IOC hub: live alert list over the API's SSE stream, alert detail with
// its audit trail, the operator actions (one alert, or many at once), keyboard shortcuts, filters kept per
// screen. The wall overview is overview.js. Plain browser JavaScript, no build step, no external files.
'use strict';

const API = '/api/v1';
const TOKEN_KEY = 'ioc.console.token';
// Per screen (localStorage), so a wall display and a desk keep their own filters and identity.
const FILTERS_KEY = 'ioc.console.filters';
const ME_KEY = 'ioc.console.me';
const FILTER_NAMES = ['condition', 'handling', 'severity', 'domain', 'area', 'assignee'];

const LABELS = {
  condition: { OK: 'Bình thường', PENDING: 'Chờ xác định', FIRING: 'Đang báo động', RECOVERING: 'Đang hồi phục',
    RESOLVED: 'Đã kết thúc', NO_DATA: 'Mất dữ liệu' },
  handling: { UNACK: 'Chưa xác nhận', ACK: 'Đã xác nhận' },
  severity: { CRITICAL: 'Nghiêm trọng', MAJOR: 'Cao', WARNING: 'Cảnh giác', INFO: 'Thông tin', NONE: '—' },
  event: { OPENED: 'Phát sinh', SEVERITY_CHANGED: 'Đổi mức độ', RECOVERING: 'Đang hồi phục', RETRIGGERED: 'Tái phát',
    RESOLVED: 'Kết thúc (quy tắc)', NO_DATA: 'Mất dữ liệu', DATA_RETURNED: 'Có dữ liệu lại', FLAPPING_STARTED: 'Dao động',
    FLAPPING_ENDED: 'Hết dao động', REPEATED: 'Lặp lại', CONDITION_IGNORED: 'Bỏ qua', ACKNOWLEDGED: 'Xác nhận',
    UNACKNOWLEDGED: 'Bỏ xác nhận', ASSIGNED: 'Giao việc', UNASSIGNED: 'Bỏ giao việc', COMMENTED: 'Ghi chú',
    RESOLVED_MANUALLY: 'Đóng thủ công', SNOOZED: 'Tạm hoãn', UNSNOOZED: 'Hết tạm hoãn', ESCALATED: 'Leo thang' },
};

const state = { token: null, areas: new Map(), alerts: new Map(), selected: null, checked: new Set(), lastEventId: null,
  abort: null, retry: null, view: 'alerts' };
const $ = (id) => document.getElementById(id);
const fmt = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' });
const when = (iso) => (iso ? fmt.format(new Date(iso)) : '—');
const label = (kind, value) => tr((LABELS[kind] && LABELS[kind][value]) || value || '—');

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => (k === 'class' ? (node.className = v) : node.setAttribute(k, v)));
  children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

async function api(method, path, body, headers) {
  const response = await fetch(API + path, {
    method,
    headers: Object.assign({ Authorization: 'Bearer ' + state.token, Accept: 'application/json' },
      body ? { 'Content-Type': 'application/json' } : {}, headers || {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((data && data.message) || response.statusText);
    error.status = response.status;
    error.code = data && data.code;
    throw error;
  }
  return { data, etag: response.headers.get('ETag') };
}

// ---- login ----
$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  state.token = $('token').value.trim();
  try {
    await detectRole();
    sessionStorage.setItem(TOKEN_KEY, state.token);
    showApp();
  } catch (err) {
    $('login-error').textContent = err.status === 401 ? 'Mã truy cập không hợp lệ hoặc đã bị thu hồi.'
      : err.status === 403 ? 'Mã này không có quyền xem cảnh báo.' : 'Không kết nối được: ' + err.message;
  }
});
$('logout').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  if (state.abort) state.abort.abort();
  location.reload();
});

// A department token may only read and answer its requests for explanation: the console shows just those.
async function detectRole() {
  try {
    await api('GET', '/alerts?limit=1');
    state.department = false;
  } catch (err) {
    if (err.status !== 403) throw err;
    await api('GET', '/explanations?limit=1');
    state.department = true;
  }
}

async function showApp() {
  if (state.department === undefined) await detectRole();
  $('login').hidden = true;
  $('app').hidden = false;
  $('nav').hidden = false;
  if (state.department) {
    document.body.classList.add('department');
    setConnection('online', 'Đơn vị');
    showView('explanations');
    return;
  }
  restoreFilters();
  try {
    (await api('GET', '/areas')).data.items.forEach((a) => state.areas.set(a.code, a));
  } catch (err) {
    // Area names are a nicety; codes are shown without them.
  }
  const params = new URLSearchParams(location.search);
  showView(params.get('wall') === '1' || location.hash === '#overview' ? 'overview' : 'alerts');
  if (params.get('wall') === '1') document.body.classList.add('wall');
  connect(true);
  document.dispatchEvent(new CustomEvent('console:ready'));
}

// ---- views: the wall overview and the alert list ----
function showView(view) {
  state.view = view;
  ['overview', 'shift', 'maintenance', 'kpis', 'explanations'].forEach((page) => { $(page).hidden = view !== page; });
  $('alerts-view').hidden = view !== 'alerts';
  document.dispatchEvent(new CustomEvent('console:view', { detail: view }));
  document.querySelectorAll('#nav [data-view]').forEach((b) => b.classList.toggle('current', b.dataset.view === view));
}
document.querySelectorAll('#nav [data-view]').forEach((b) => b.addEventListener('click', () => showView(b.dataset.view)));
$('wall-toggle').addEventListener('click', () => {
  document.body.classList.toggle('wall');
  if (document.body.classList.contains('wall')) showView('overview');
});

/** Shows the alert list filtered as given (the overview's click-through); other filters are cleared. */
function openAlertList(filters) {
  FILTER_NAMES.forEach((name) => { $('f-' + name).value = filters[name] || ''; });
  $('f-mine').checked = false;
  saveFilters();
  document.body.classList.remove('wall');
  showView('alerts');
  connect(true);
}

function saveFilters() {
  const saved = { mine: $('f-mine').checked };
  FILTER_NAMES.forEach((name) => { saved[name] = $('f-' + name).value; });
  localStorage.setItem(FILTERS_KEY, JSON.stringify(saved));
  localStorage.setItem(ME_KEY, $('me').value.trim());
}

function restoreFilters() {
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(FILTERS_KEY) || '{}') || {};
  } catch (err) {
    // A damaged entry is dropped: the screen starts unfiltered.
  }
  FILTER_NAMES.forEach((name) => {
    const field = $('f-' + name);
    const value = saved[name] || '';
    // A select keeps its value only when it is one of its options.
    if (field.tagName !== 'SELECT' || [...field.options].some((o) => o.value === value)) field.value = value;
  });
  $('me').value = localStorage.getItem(ME_KEY) || '';
  $('f-mine').checked = Boolean(saved.mine) && $('me').value !== '';
}

const areaName = (code) => (code ? (state.areas.get(code) || { name: code }).name : '—');

// ---- live stream (fetch + ReadableStream, so the token travels in a header and never in the URL) ----
function filterQuery() {
  const params = new URLSearchParams();
  FILTER_NAMES.forEach((name) => {
    const value = $('f-' + name).value.trim();
    if (value) params.set(name, value);
  });
  if ($('f-mine').checked && $('me').value.trim()) params.set('assignee', $('me').value.trim());
  return params.toString();
}

$('filters').addEventListener('change', () => {
  saveFilters();
  connect(true);
});
// Enter in a text filter would submit the form and reload the page.
$('filters').addEventListener('submit', (e) => e.preventDefault());

function setConnection(kind, text) {
  $('connection').className = 'status ' + kind;
  $('connection').textContent = tr(text);
}

async function connect(fresh) {
  if (state.abort) state.abort.abort();
  clearTimeout(state.retry);
  if (fresh) {
    state.lastEventId = null;
  }
  const controller = new AbortController();
  state.abort = controller;
  setConnection('connecting', 'Đang kết nối…');
  const headers = { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' };
  if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
  try {
    const response = await fetch(API + '/alerts/stream?' + filterQuery(), { headers, signal: controller.signal });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      setConnection('offline', 'Lỗi ' + response.status + ': ' + (body.message || ''));
      if (response.status === 401) { sessionStorage.removeItem(TOKEN_KEY); }
      return;
    }
    setConnection('online', 'Trực tuyến');
    await readEvents(response.body.getReader(), controller, dispatch);
  } catch (err) {
    if (controller.signal.aborted) return;
  }
  if (!controller.signal.aborted) {
    setConnection('offline', 'Mất kết nối — đang thử lại');
    state.retry = setTimeout(() => connect(false), 2000);
  }
}

async function readEvents(reader, controller, onEvent) {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = { name: 'message', data: [], id: null };
  for (;;) {
    const { value, done } = await reader.read();
    if (done || controller.signal.aborted) return;
    buffer += decoder.decode(value, { stream: true });
    let newline;
    while ((newline = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
      if (line === '') {
        if (event.data.length) onEvent(event.name, event.data.join('\n'), event.id);
        event = { name: 'message', data: [], id: null };
      } else if (line.startsWith(':')) {
        // heartbeat comment
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.name = val;
        else if (field === 'data') event.data.push(val);
        else if (field === 'id') event.id = val;
      }
    }
  }
}

function dispatch(name, data, id) {
  const message = JSON.parse(data);
  if (name === 'snapshot') {
    state.alerts.clear();
    state.checked.clear();
    message.items.forEach((a) => state.alerts.set(a.id, a));
    renderList(null);
  } else if (name === 'alert') {
    const known = state.alerts.get(message.alert.id);
    if (!known || known.version <= message.alert.version) state.alerts.set(message.alert.id, message.alert);
    renderList(message.alert.id);
    if (state.selected === message.alert.id) loadDetail(state.selected);
  } else if (name === 'gone') {
    state.alerts.delete(message.alertId);
    state.checked.delete(message.alertId);
    renderList(null);
  }
  if (id) state.lastEventId = id;
}

// ---- list ----
// The alert's own text as the alerting module wrote it (a title where it carries one), else its rule and entity.
function title(a) {
  return a.title || a.summary || (a.ruleId + ' · ' + a.entityId);
}

function sortedAlerts() {
  return [...state.alerts.values()].sort((a, b) => (b.lastSeenAt || '').localeCompare(a.lastSeenAt || '') || b.id - a.id);
}

// The measure as the alert text rounds it: no decimals from 100 up, one from 10, two below (1,93; 12,3; -102).
function measure(v) {
  if (v === null || v === undefined) return null;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return Number(v).toLocaleString('vi-VN', { maximumFractionDigits: digits });
}

function renderList(freshId) {
  const rows = sortedAlerts();
  const body = $('alerts');
  body.replaceChildren(...rows.map((a) => {
    const sev = a.severity || 'NONE';
    const box = el('input', { type: 'checkbox', class: 'pick', 'aria-label': 'Chọn cảnh báo ' + a.id });
    box.checked = state.checked.has(a.id);
    box.addEventListener('click', (e) => {
      e.stopPropagation();
      toggleChecked(a.id, box.checked);
    });
    const row = el('tr', { 'data-alert-id': a.id, class: (a.id === state.selected ? 'selected ' : '') + (a.id === freshId ? 'fresh' : '') },
      el('td', {}, box),
      el('td', {}, el('span', { class: 'sev sev-' + sev }, label('severity', sev))),
      el('td', { class: 'title' }, title(a)),
      el('td', {}, areaName(a.areaCode)),
      el('td', { 'data-field': 'condition' }, label('condition', a.condition)),
      el('td', { 'data-field': 'handling', class: a.handling === 'UNACK' ? 'unack' : '' }, label('handling', a.handling)),
      el('td', {}, when(a.lastSeenAt)));
    row.addEventListener('click', () => select(a.id));
    return row;
  }));
  $('count').textContent = rows.length;
  $('empty').hidden = rows.length > 0;
  $('bulk-count').textContent = state.checked.size;
  $('select-all').checked = rows.length > 0 && rows.every((a) => state.checked.has(a.id));
}

// ---- bulk: select several alerts and act on all of them in one request ----
function toggleChecked(id, on) {
  if (on) state.checked.add(id); else state.checked.delete(id);
  $('bulk-count').textContent = state.checked.size;
}

$('select-all').addEventListener('change', () => {
  state.checked.clear();
  if ($('select-all').checked) state.alerts.forEach((a) => state.checked.add(a.id));
  renderList(null);
});

document.querySelectorAll('[data-bulk]').forEach((button) => button.addEventListener('click', () => bulk(button.dataset.bulk)));

async function bulk(action) {
  const ids = [...state.checked];
  const message = $('bulk-message');
  if (!ids.length) {
    message.className = 'message error';
    message.textContent = 'Hãy chọn ít nhất một cảnh báo.';
    return;
  }
  // Each alert carries the version shown, so an alert someone else changed meanwhile is refused, not overwritten.
  const body = { action, alerts: ids.map((id) => ({ id, version: state.alerts.get(id).version })) };
  const comment = $('bulk-comment').value.trim();
  if (comment) body.comment = comment;
  if (action === 'assign') body.assignee = $('bulk-assignee').value.trim() || null;
  try {
    const { data } = await api('POST', '/alerts/bulk', body);
    const failed = data.results.filter((r) => r.outcome !== 'CHANGED' && r.outcome !== 'UNCHANGED');
    message.className = 'message ' + (failed.length ? 'error' : 'ok');
    message.textContent = failed.length
      ? 'Đã xử lý ' + (ids.length - failed.length) + '/' + ids.length + '; không được: '
        + failed.map((r) => '#' + r.alertId + ' (' + (r.message || r.outcome) + ')').join(', ')
      : 'Đã xử lý ' + ids.length + ' cảnh báo.';
    state.checked.clear();
    $('bulk-comment').value = '';
    renderList(null);
  } catch (err) {
    message.className = 'message error';
    message.textContent = err.status === 403 ? 'Mã truy cập này chỉ được xem, không được xử lý cảnh báo.' : err.message;
  }
}

// ---- keyboard: j/k move, a acknowledge, r resolve (with the note typed in the detail pane), x pick for bulk ----
document.addEventListener('keydown', (e) => {
  if (state.view !== 'alerts' || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.target.closest && e.target.closest('input, textarea, select, [contenteditable]')) return;
  const rows = sortedAlerts();
  const at = rows.findIndex((a) => a.id === state.selected);
  if (e.key === 'j' || e.key === 'k') {
    if (!rows.length) return;
    const next = e.key === 'j' ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0);
    select(rows[next].id);
    const row = document.querySelector('#alerts tr[data-alert-id="' + rows[next].id + '"]');
    if (row) row.scrollIntoView({ block: 'nearest' });
  } else if (e.key === 'a' && state.selected != null) {
    act('ack');
  } else if (e.key === 'r' && state.selected != null) {
    act('resolve');
  } else if (e.key === 'x' && state.selected != null) {
    toggleChecked(state.selected, !state.checked.has(state.selected));
    renderList(null);
  } else {
    return;
  }
  e.preventDefault();
});

// ---- detail and actions ----
async function select(id) {
  state.selected = id;
  renderList(null);
  $('d-message').textContent = '';
  await loadDetail(id);
}

async function loadDetail(id) {
  try {
    const [{ data: alert }, { data: events }] = await Promise.all([
      api('GET', '/alerts/' + id), api('GET', '/alerts/' + id + '/events')]);
    if (state.selected !== id) return;
    state.alerts.set(alert.id, alert);
    showDetail(alert, events.items);
  } catch (err) {
    $('d-message').className = 'message error';
    $('d-message').textContent = err.message;
  }
}

function showDetail(a, events) {
  $('detail').hidden = false;
  $('detail').dataset.version = a.version;
  $('d-title').textContent = title(a);
  const facts = [
    ['Mã', a.id], ['Quy tắc', a.ruleId], ['Đối tượng', a.entityId], ['Lĩnh vực', a.domain], ['Khu vực', a.areaCode ? areaName(a.areaCode) : null],
    ['Mức độ', label('severity', a.severity || 'NONE')], ['Tình trạng', label('condition', a.condition)],
    ['Xử lý', label('handling', a.handling) + (a.ackedBy ? ' — ' + a.ackedBy + ', ' + when(a.ackedAt) : '')],
    ['Phụ trách', a.assignee], ['Đợt', a.episode], ['Số lần', a.occurrences], ['Giá trị', measure(a.measure)],
    ['Lần đầu', when(a.firstSeenAt)], ['Lần cuối', when(a.lastSeenAt)],
    ['Tạm hoãn đến', a.snoozedUntil ? when(a.snoozedUntil) : null], ['Phiên bản', a.version],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  $('d-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  $('d-events').replaceChildren(...events.slice().reverse().map((e) => el('tr', { 'data-type': e.type },
    el('td', {}, e.seq), el('td', {}, when(e.at)), el('td', {}, label('event', e.type)),
    el('td', { 'data-field': 'actor' }, e.actor), el('td', { 'data-field': 'comment' }, e.comment || ''))));
}

document.querySelectorAll('[data-action]').forEach((button) => button.addEventListener('click', () => act(button.dataset.action)));

async function act(action) {
  const id = state.selected;
  if (id == null) return;
  const comment = $('d-comment').value.trim();
  const body = {};
  if (comment) body.comment = comment;
  if (action === 'assign') body.assignee = $('d-assignee').value.trim() || null;
  if (action === 'snooze') body.until = new Date(Date.now() + Number($('d-snooze').value) * 3600e3).toISOString();
  if (action === 'comment' && !comment) {
    show('error', 'Hãy nhập nội dung ghi chú.');
    return;
  }
  try {
    const { data } = await api('POST', '/alerts/' + id + '/' + action, body, { 'If-Match': '"' + $('detail').dataset.version + '"' });
    show('ok', data.outcome === 'UNCHANGED' ? 'Không có thay đổi: ' + (data.message || '') : 'Đã lưu.');
    $('d-comment').value = '';
    await loadDetail(id);
  } catch (err) {
    if (err.status === 412) {
      show('error', 'Cảnh báo vừa được người khác cập nhật — đã tải lại, hãy kiểm tra rồi thử lại.');
      await loadDetail(id);
    } else if (err.status === 403) {
      show('error', 'Mã truy cập này chỉ được xem, không được xử lý cảnh báo.');
    } else {
      show('error', err.message);
    }
  }
}

function show(kind, text) {
  $('d-message').className = 'message ' + kind;
  $('d-message').textContent = text;
}

// ---- start ----
state.token = sessionStorage.getItem(TOKEN_KEY);
if (state.token) {
  showApp().catch(() => {
    // The saved token no longer works: back to the sign-in screen.
    sessionStorage.removeItem(TOKEN_KEY);
    location.reload();
  });
}
