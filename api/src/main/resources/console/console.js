// Operator console of the Cần Thơ IOC hub: live alert list over the API's SSE stream, alert detail with
// its audit trail, and the operator actions. Plain browser JavaScript, no build step, no external files.
'use strict';

const API = '/api/v1';
const TOKEN_KEY = 'ioc.console.token';

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

const state = { token: null, areas: new Map(), alerts: new Map(), selected: null, lastEventId: null, abort: null, retry: null };
const $ = (id) => document.getElementById(id);
const fmt = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' });
const when = (iso) => (iso ? fmt.format(new Date(iso)) : '—');
const label = (kind, value) => (LABELS[kind] && LABELS[kind][value]) || value || '—';

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
    await api('GET', '/alerts?limit=1');
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

async function showApp() {
  $('login').hidden = true;
  $('app').hidden = false;
  try {
    (await api('GET', '/areas')).data.items.forEach((a) => state.areas.set(a.code, a.name));
  } catch (err) {
    // Area names are a nicety; codes are shown without them.
  }
  connect(true);
}

const areaName = (code) => (code ? state.areas.get(code) || code : '—');

// ---- live stream (fetch + ReadableStream, so the token travels in a header and never in the URL) ----
function filterQuery() {
  const params = new URLSearchParams();
  ['condition', 'handling', 'severity', 'domain', 'area'].forEach((name) => {
    const value = $('f-' + name).value.trim();
    if (value) params.set(name, value);
  });
  return params.toString();
}

$('filters').addEventListener('change', () => connect(true));

function setConnection(kind, text) {
  $('connection').className = 'status ' + kind;
  $('connection').textContent = text;
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
    await readEvents(response.body.getReader(), controller);
  } catch (err) {
    if (controller.signal.aborted) return;
  }
  if (!controller.signal.aborted) {
    setConnection('offline', 'Mất kết nối — đang thử lại');
    state.retry = setTimeout(() => connect(false), 2000);
  }
}

async function readEvents(reader, controller) {
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
        if (event.data.length) dispatch(event.name, event.data.join('\n'), event.id);
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
    message.items.forEach((a) => state.alerts.set(a.id, a));
    renderList(null);
  } else if (name === 'alert') {
    const known = state.alerts.get(message.alert.id);
    if (!known || known.version <= message.alert.version) state.alerts.set(message.alert.id, message.alert);
    renderList(message.alert.id);
    if (state.selected === message.alert.id) loadDetail(state.selected);
  } else if (name === 'gone') {
    state.alerts.delete(message.alertId);
    renderList(null);
  }
  if (id) state.lastEventId = id;
}

// ---- list ----
function title(a) {
  return a.summary || (a.ruleId + ' · ' + a.entityId);
}

// The measure as the alert text rounds it: no decimals from 100 up, one from 10, two below (1,93; 12,3; -102).
function measure(v) {
  if (v === null || v === undefined) return null;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return Number(v).toLocaleString('vi-VN', { maximumFractionDigits: digits });
}

function renderList(freshId) {
  const rows = [...state.alerts.values()].sort((a, b) => (b.lastSeenAt || '').localeCompare(a.lastSeenAt || '') || b.id - a.id);
  const body = $('alerts');
  body.replaceChildren(...rows.map((a) => {
    const sev = a.severity || 'NONE';
    const tr = el('tr', { 'data-alert-id': a.id, class: (a.id === state.selected ? 'selected ' : '') + (a.id === freshId ? 'fresh' : '') },
      el('td', {}, el('span', { class: 'sev sev-' + sev }, label('severity', sev))),
      el('td', { class: 'title' }, title(a)),
      el('td', {}, areaName(a.areaCode)),
      el('td', { 'data-field': 'condition' }, label('condition', a.condition)),
      el('td', { 'data-field': 'handling', class: a.handling === 'UNACK' ? 'unack' : '' }, label('handling', a.handling)),
      el('td', {}, when(a.lastSeenAt)));
    tr.addEventListener('click', () => select(a.id));
    return tr;
  }));
  $('count').textContent = rows.length;
  $('empty').hidden = rows.length > 0;
}

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
if (state.token) showApp();
