// Leaders' pages of the console: every KPI of a domain against its target by agency or area, with its plan
// status (judged by the API, the same rule as the Grafana tiles) and trend, and requests for explanation
// (yêu cầu giải trình) sent to the responsible unit, answered by it and followed up here. Uses console.js and
// overview.js (DOMAINS, num).
'use strict';

const PLAN_ORDER = { RED: 0, ORANGE: 1, GREEN: 2, GREY: 3 };
const PLAN_LABELS = { RED: 'Nguy cơ không đạt', ORANGE: 'Đang tiến triển', GREEN: 'Đạt kế hoạch', GREY: 'Chưa đủ cơ sở' };
const REQUEST_STATUS = { OPEN: 'Đang chờ trả lời', ANSWERED: 'Đã trả lời', OVERDUE: 'Quá hạn' };
const STEP_LABELS = { REQUESTED: 'Đã gửi yêu cầu', READ: 'Đơn vị đã xem', ANSWERED: 'Đơn vị đã trả lời',
  OVERDUE_ALERTED: 'Cảnh báo quá hạn' };
const day = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
const kpi = { items: [], asking: null, requests: [], next: null, selected: null };

$('k-domain').replaceChildren(...DOMAINS.map((d) => el('option', { value: d.id }, tr(d.name))));
$('k-domain').value = 'government';
$('k-domain').addEventListener('change', loadKpis);

document.addEventListener('console:view', (e) => {
  if (e.detail === 'kpis') loadKpis();
  if (e.detail === 'explanations') loadRequests(true);
});

// ---- KPI drill-down ----
async function loadKpis() {
  try {
    const { data } = await api('GET', '/kpis?domain=' + encodeURIComponent($('k-domain').value));
    kpi.items = data.items;
    renderKpis();
  } catch (err) {
    message('k-message', 'error', err.message);
  }
}

function unitOf(item) {
  const who = item.scope === 'area' ? areaName(item.entityId) : item.scope === 'city' ? tr('Toàn thành phố') : item.entityId;
  const labels = Object.entries(item.labels || {}).map(([k, v]) => k + ': ' + v).join(', ');
  return labels ? who + ' (' + labels + ')' : who;
}

// A change is good or bad by the KPI's direction: ▲ green when higher is better, red when lower is.
function trend(item, change) {
  if (change == null) return el('span', { class: 'muted' }, '—');
  const better = item.polarity === 'HIGHER_IS_BETTER' ? change > 0 : item.polarity === 'LOWER_IS_BETTER' ? change < 0 : null;
  const arrow = change > 0 ? '▲ ' : change < 0 ? '▼ ' : '■ ';
  return el('span', { class: 'trend ' + (change === 0 || better === null ? '' : better ? 'good' : 'bad') },
    arrow + (change > 0 ? '+' : '') + num.format(change));
}

function renderKpis() {
  const rows = kpi.items.slice().sort((a, b) => PLAN_ORDER[a.planStatus] - PLAN_ORDER[b.planStatus]
    || a.label.localeCompare(b.label, 'vi') || unitOf(a).localeCompare(unitOf(b), 'vi'));
  $('kpi-rows').replaceChildren(...rows.map((item) => {
    const ask = el('button', { type: 'button', class: 'ask-button' }, tr('Yêu cầu giải trình'));
    ask.addEventListener('click', () => openAsk(item));
    return el('tr', { 'data-status': item.planStatus, 'data-indicator': item.indicator, 'data-entity': item.entityId },
      el('td', {}, el('span', { class: 'plan plan-' + item.planStatus, title: tr(PLAN_LABELS[item.planStatus]) }),
        ' ' + tr(PLAN_LABELS[item.planStatus])),
      el('td', {}, item.label), el('td', {}, unitOf(item)), el('td', {}, day.format(new Date(item.periodStart))),
      el('td', { class: 'num' }, num.format(item.value) + ' ' + item.unit),
      el('td', { class: 'num' }, item.target == null ? '—' : num.format(item.target)),
      el('td', {}, trend(item, item.changeFromPrevious)), el('td', {}, trend(item, item.changeFromLastYear)),
      el('td', {}, item.planStatus === 'RED' || item.planStatus === 'ORANGE' ? ask : ''));
  }));
  $('k-empty').hidden = rows.length > 0;
}

function openAsk(item) {
  kpi.asking = item;
  $('ask').hidden = false;
  $('ask-kpi').textContent = item.label + ' — ' + unitOf(item) + ': ' + num.format(item.value) + ' ' + item.unit
    + (item.target == null ? '' : ' (mục tiêu ' + num.format(item.target) + ')');
  // An agency's KPI is that agency's to explain; for an area or the city the leader names the unit.
  $('ask-department').value = item.scope === 'agency' ? item.entityId : '';
  $('ask-due').value = new Date(Date.now() + 7 * 86400e3).toISOString().slice(0, 10);
  $('ask-message').value = 'Đề nghị giải trình: ' + item.label + ' của ' + unitOf(item) + ' đạt ' + num.format(item.value)
    + ' ' + item.unit + (item.target == null ? '' : ', chưa đạt mục tiêu ' + num.format(item.target)) + '.';
  $('ask-department').focus();
}

$('ask-cancel').addEventListener('click', () => { $('ask').hidden = true; });

$('ask').addEventListener('submit', async (e) => {
  e.preventDefault();
  const item = kpi.asking;
  // Due at the end of the chosen working day, Vietnam time.
  const body = { indicator: item.indicator, entity: item.entityId, department: $('ask-department').value.trim(),
    message: $('ask-message').value.trim(), dueAt: $('ask-due').value + 'T17:00:00+07:00' };
  if (Object.keys(item.labels || {}).length) body.labels = item.labels;
  try {
    const { data } = await api('POST', '/explanations', body);
    $('ask').hidden = true;
    message('k-message', 'ok', 'Đã gửi yêu cầu giải trình #' + data.id + ' cho ' + data.department + ', hạn '
      + when(data.dueAt) + '.');
  } catch (err) {
    message('k-message', 'error', err.status === 403 ? 'Chỉ lãnh đạo được gửi yêu cầu giải trình.' : err.message);
  }
});

// ---- requests for explanation ----
async function loadRequests(fresh) {
  const params = new URLSearchParams({ limit: '100' });
  if ($('x-status').value) params.set('status', $('x-status').value);
  if (!fresh && kpi.next) params.set('cursor', kpi.next);
  try {
    const { data } = await api('GET', '/explanations?' + params);
    kpi.requests = fresh ? data.items : kpi.requests.concat(data.items);
    kpi.next = data.nextCursor;
    renderRequests();
    if (fresh) loadCounts();
  } catch (err) {
    message('x-message', 'error', err.message);
  }
}

$('x-status').addEventListener('change', () => loadRequests(true));
$('x-more').addEventListener('click', () => loadRequests(false));

// The three counts leaders follow, each asked of the API (lists can be longer than a page).
async function loadCounts() {
  await Promise.all(['OPEN', 'ANSWERED', 'OVERDUE'].map(async (status) => {
    let count = 0;
    let cursor = null;
    do {
      const { data } = await api('GET', '/explanations?limit=500&status=' + status + (cursor ? '&cursor=' + cursor : ''));
      count += data.items.length;
      cursor = data.nextCursor;
    } while (cursor);
    $('x-' + status.toLowerCase()).textContent = num.format(count);
  }));
}

function renderRequests() {
  $('x-rows').replaceChildren(...kpi.requests.map((r) => {
    const row = el('tr', { 'data-request-id': r.id, 'data-status': r.status, class: r.id === kpi.selected ? 'selected' : '' },
      el('td', {}, r.id), el('td', {}, el('span', { class: 'req req-' + r.status }, tr(REQUEST_STATUS[r.status]))),
      el('td', {}, r.label), el('td', {}, unitOf(r) === r.department ? r.department : r.department + ' · ' + unitOf(r)),
      el('td', {}, when(r.requestedAt)),
      el('td', {}, when(r.dueAt)), el('td', {}, r.requestedBy));
    row.addEventListener('click', () => openRequest(r.id));
    return row;
  }));
  $('x-more').hidden = !kpi.next;
}

async function openRequest(id) {
  kpi.selected = id;
  try {
    const [{ data: r }, { data: events }] = await Promise.all([api('GET', '/explanations/' + id),
      api('GET', '/explanations/' + id + '/events')]);
    kpi.requests = kpi.requests.map((x) => (x.id === r.id ? r : x));
    renderRequests();
    $('x-detail').hidden = false;
    $('x-detail').dataset.requestId = r.id;
    $('x-title').textContent = '#' + r.id + ' ' + r.label + ' — ' + unitOf(r);
    const facts = [['Trạng thái', REQUEST_STATUS[r.status]], ['Gửi đơn vị', r.department],
      ['Giá trị khi gửi', r.value == null ? null : num.format(r.value) + ' ' + (r.unit || '')],
      ['Mục tiêu', r.target == null ? null : num.format(r.target)], ['Đánh giá', PLAN_LABELS[r.planStatus]],
      ['Nội dung', r.message], ['Hạn', when(r.dueAt)], ['Người yêu cầu', r.requestedBy],
      ['Đơn vị xem lúc', r.readAt ? when(r.readAt) : null], ['Giải trình', r.answer],
      ['Người trả lời', r.answeredBy ? r.answeredBy + ', ' + when(r.answeredAt) : null]]
      .filter(([, v]) => v != null && v !== '');
    $('x-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { 'data-field': k }, v)]));
    $('x-answer-form').hidden = !state.department || r.status === 'ANSWERED';
    $('x-events').replaceChildren(...events.items.map((e) => el('tr', { 'data-type': e.type },
      el('td', {}, when(e.at)), el('td', {}, tr(STEP_LABELS[e.type] || e.type)), el('td', { 'data-field': 'actor' }, e.actor),
      el('td', {}, e.text || ''))));
  } catch (err) {
    message('x-message', 'error', err.message);
  }
}

$('x-answer-go').addEventListener('click', async () => {
  const id = Number($('x-detail').dataset.requestId);
  const answer = $('x-answer').value.trim();
  if (!answer) {
    message('x-message', 'error', 'Hãy nhập nội dung giải trình.');
    return;
  }
  try {
    await api('POST', '/explanations/' + id + '/answer', { answer });
    $('x-answer').value = '';
    message('x-message', 'ok', 'Đã gửi giải trình cho yêu cầu #' + id + '.');
    await loadRequests(true);
    await openRequest(id);
  } catch (err) {
    message('x-message', 'error', err.message);
  }
});

function message(id, kind, text) {
  $(id).className = 'message ' + kind;
  $(id).textContent = text;
}
