// The wall overview of the operator console: eight domain tiles, the district map drawn from the registry's
// GeoJSON (served by the hub: no tile server, no internet), air stations by VN_AQI, river gauges by BĐ level,
// open alerts per district, and the bell for new CRITICAL/MAJOR alerts. Uses console.js's helpers
// (api, el, $, state, readEvents, openAlertList, title, areaName, label).
'use strict';

// Each domain's headline KPI: the city-wide figure a leader asks about first. Environment's headline is the
// worst district VN_AQI (from /aqi/current), not a KPI series.
const DOMAINS = [
  { id: 'environment', name: 'Môi trường', headline: 'aqi' },
  { id: 'security_traffic', name: 'An ninh trật tự, giao thông', headline: 'traffic_accidents_city' },
  { id: 'government', name: 'Chính quyền', headline: 'dossiers_on_time_rate_city' },
  { id: 'citizen_feedback', name: 'Phản ánh của người dân', headline: 'citizen_reports_resolution_sla_city' },
  { id: 'tourism', name: 'Du lịch', headline: 'hotel_occupancy_city' },
  { id: 'online_info', name: 'Thông tin trên mạng', headline: 'online_negative_share' },
  { id: 'cybersecurity', name: 'An toàn thông tin', headline: 'cyber_high_critical_alerts' },
  { id: 'socioeconomic', name: 'Kinh tế - xã hội', headline: 'grdp_growth' },
];
const OPEN_CONDITIONS = 'FIRING,RECOVERING,NO_DATA,PENDING';
const SEVERITIES = ['CRITICAL', 'MAJOR', 'WARNING', 'INFO'];
const LOUD = new Set(['CRITICAL', 'MAJOR']);
const MUTED_KEY = 'ioc.console.muted';
// Flood alert levels BĐ 0 (below I) to III, the colours the dashboards use.
const BD_COLOURS = ['#2b8cbe', '#f2c500', '#f07800', '#c8102e'];
const NO_DATA_COLOUR = '#9aa5b1';
const REFRESH_MS = 60000;
const SVG = 'http://www.w3.org/2000/svg';
const num = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

const wall = { open: new Map(), lastEventId: null, abort: null, retry: null, kpis: [], aqi: null, water: null,
  shapes: null, devices: [], refresh: null };

document.addEventListener('console:ready', async () => {
  updateMuteButton();
  connectOverview();
  await loadMap();
  await refreshFigures();
  wall.refresh = setInterval(refreshFigures, REFRESH_MS);
});

// ---- the open alerts, live (its own stream, so the bell rings whatever the list's filters are) ----
async function connectOverview() {
  if (wall.abort) wall.abort.abort();
  const controller = new AbortController();
  wall.abort = controller;
  const headers = { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' };
  if (wall.lastEventId) headers['Last-Event-ID'] = wall.lastEventId;
  try {
    const response = await fetch(API + '/alerts/stream?condition=' + OPEN_CONDITIONS,
      { headers, signal: controller.signal });
    if (response.ok) await readEvents(response.body.getReader(), controller, onOverviewEvent);
  } catch (err) {
    if (controller.signal.aborted) return;
  }
  if (!controller.signal.aborted) wall.retry = setTimeout(connectOverview, 2000);
}

function onOverviewEvent(name, data, id) {
  const message = JSON.parse(data);
  if (name === 'snapshot') {
    wall.open.clear();
    message.items.forEach((a) => wall.open.set(a.id, a));
  } else if (name === 'alert') {
    wall.open.set(message.alert.id, message.alert);
    if (isNewLoudAlert(message)) ring(message.alert);
  } else if (name === 'gone') {
    wall.open.delete(message.alertId);
  }
  if (id) wall.lastEventId = id;
  renderTiles();
  renderAlarmCounts();
  document.dispatchEvent(new CustomEvent('console:open-alerts'));
}

// A new episode (or a re-fire) at CRITICAL/MAJOR rings; later events of the same alert, and entries replayed
// after a reconnect that are older than two minutes, do not.
function isNewLoudAlert(message) {
  const type = message.event.type;
  return (type === 'OPENED' || type === 'RETRIGGERED' || type === 'ESCALATED')
    && LOUD.has(message.alert.severity)
    && Date.now() - new Date(message.event.at).getTime() < 120000;
}

// ---- bell and browser notification, mutable per screen ----
const muted = () => localStorage.getItem(MUTED_KEY) === '1';

function updateMuteButton() {
  $('mute').textContent = tr(muted() ? 'Chuông: tắt' : 'Chuông: bật');
  $('mute').setAttribute('aria-pressed', String(muted()));
  $('notify-permission').hidden = !('Notification' in window) || Notification.permission !== 'default';
}

$('mute').addEventListener('click', () => {
  localStorage.setItem(MUTED_KEY, muted() ? '0' : '1');
  updateMuteButton();
});

// Browsers grant notifications only from a click, so the operator asks once per screen.
$('notify-permission').addEventListener('click', async () => {
  await Notification.requestPermission();
  updateMuteButton();
});

function ring(alert) {
  const flag = $('sound-flag');
  flag.hidden = false;
  flag.dataset.alertId = alert.id;
  flag.dataset.sounded = String(!muted());
  flag.className = 'sound-flag sev-' + alert.severity;
  flag.textContent = (muted() ? '🔕 ' : '🔔 ') + label('severity', alert.severity) + ': ' + title(alert);
  if (muted()) return;
  beep();
  if ('Notification' in window && Notification.permission === 'granted') {
    const note = new Notification(label('severity', alert.severity) + ' — ' + areaName(alert.areaCode), {
      body: title(alert), tag: 'ioc-alert-' + alert.id });
    note.onclick = () => {
      window.focus();
      openAlertList({ condition: OPEN_CONDITIONS });
    };
  }
}

let audio = null;
// Two short tones made in the page (no sound file to ship or fetch).
function beep() {
  try {
    audio = audio || new AudioContext();
    [0, 0.35].forEach((start) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.25, audio.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.3);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + start);
      osc.stop(audio.currentTime + start + 0.3);
    });
  } catch (err) {
    // A screen without audio still shows the flag and the notification.
  }
}

// ---- tiles ----
async function refreshFigures() {
  const [kpis, aqi, water] = await Promise.allSettled([api('GET', '/kpis'), api('GET', '/aqi/current'),
    api('GET', '/water-levels/current')]);
  if (kpis.status === 'fulfilled') wall.kpis = kpis.value.data.items;
  if (aqi.status === 'fulfilled') wall.aqi = aqi.value.data;
  if (water.status === 'fulfilled') wall.water = water.value.data;
  renderTiles();
  renderStations();
}

function headline(domain) {
  if (domain.headline === 'aqi') {
    const areas = (wall.aqi && wall.aqi.areas || []).filter((a) => !a.stale);
    if (!areas.length) return null;
    const worst = areas.reduce((a, b) => (b.aqi > a.aqi ? b : a));
    return { label: 'VN_AQI cao nhất (' + (worst.name || areaName(worst.area)) + ')', value: num.format(worst.aqi),
      unit: worst.category || '', meets: worst.aqi <= 100 };
  }
  const series = wall.kpis.filter((k) => k.indicator === domain.headline);
  if (!series.length) return null;
  // A KPI split by labels (e.g. per channel) shows its worst series.
  const item = series.find((k) => k.meetsTarget === false) || series[0];
  return { label: item.label, value: num.format(item.value), unit: item.unit,
    target: item.target == null ? null : num.format(item.target), meets: item.meetsTarget };
}

// Tile colour: red with an open CRITICAL/MAJOR alert, orange with an open WARNING or the headline off target,
// green when the headline meets its target (or alerts are all INFO), grey with nothing to judge.
function tileStatus(counts, head) {
  if (counts.CRITICAL || counts.MAJOR) return 'red';
  if (counts.WARNING || (head && head.meets === false)) return 'orange';
  if (head && head.meets === true) return 'green';
  return counts.INFO ? 'green' : 'grey';
}

function renderTiles() {
  const byDomain = new Map(DOMAINS.map((d) => [d.id, { CRITICAL: 0, MAJOR: 0, WARNING: 0, INFO: 0 }]));
  wall.open.forEach((a) => {
    const counts = byDomain.get(a.domain);
    if (counts && a.severity in counts) counts[a.severity] += 1;
  });
  $('tiles').replaceChildren(...DOMAINS.map((d) => {
    const counts = byDomain.get(d.id);
    const head = headline(d);
    const status = tileStatus(counts, head);
    const tile = el('button', { type: 'button', class: 'tile status-' + status, 'data-domain': d.id, 'data-status': status,
      title: 'Xem các cảnh báo đang mở của lĩnh vực ' + d.name },
      el('span', { class: 'tile-name' }, tr(d.name)),
      head ? el('span', { class: 'tile-kpi', 'data-field': 'kpi' },
        el('b', {}, head.value), ' ', head.unit, head.target ? el('small', {}, ' / mục tiêu ' + head.target) : '')
        : el('span', { class: 'tile-kpi muted', 'data-field': 'kpi' }, tr('chưa có số liệu')),
      el('span', { class: 'tile-kpi-label' }, head ? head.label : ''),
      el('span', { class: 'tile-alerts' }, ...SEVERITIES.map((s) => el('span', {
        class: 'count sev sev-' + s + (counts[s] ? '' : ' zero'), 'data-severity': s,
        title: label('severity', s) }, counts[s]))));
    tile.addEventListener('click', () => openAlertList({ condition: OPEN_CONDITIONS, domain: d.id }));
    return tile;
  }));
}

// ---- the district map ----
async function loadMap() {
  try {
    const [shapes, devices] = await Promise.all([api('GET', '/map/areas'), api('GET', '/devices?domain=environment')]);
    wall.shapes = shapes.data;
    wall.devices = devices.data.items;
    drawMap();
  } catch (err) {
    $('map-note').textContent = 'Không tải được bản đồ: ' + err.message;
  }
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function rings(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

// An equirectangular projection scaled by cos(latitude) at the city's centre: exact enough for one city.
function drawMap() {
  const features = wall.shapes.features || [];
  const points = features.flatMap((f) => rings(f.geometry).flat());
  if (!points.length) return;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const width = 1000;
  const scale = width / ((maxLon - minLon) * kx);
  const height = Math.round((maxLat - minLat) * scale);
  wall.project = ([lon, lat]) => [((lon - minLon) * kx * scale).toFixed(1), ((maxLat - lat) * scale).toFixed(1)];
  const map = $('map');
  map.setAttribute('viewBox', '-10 -10 ' + (width + 20) + ' ' + (height + 20));
  const districts = svg('g', { class: 'districts' });
  const badges = svg('g', { class: 'badges' });
  features.forEach((f) => {
    const code = (f.properties && f.properties.code) || f.id;
    const name = (f.properties && f.properties.name) || areaName(code);
    const d = rings(f.geometry).map((ring) => 'M' + ring.map((p) => wall.project(p).join(',')).join('L') + 'Z').join('');
    const group = svg('g', { class: 'district', 'data-area': code, tabindex: '0', role: 'button' },
      svg('title', {}, name), svg('path', { d }));
    group.addEventListener('click', () => openAlertList({ condition: OPEN_CONDITIONS, area: code }));
    districts.append(group);
    const area = state.areas.get(code);
    const [x, y] = wall.project(area ? [area.lon, area.lat] : centre(rings(f.geometry)[0]));
    // Above the centroid, where the district's stations usually stand.
    const badge = svg('g', { class: 'badge-group', 'data-area': code, transform: 'translate(' + x + ',' + (y - 30) + ')' },
      svg('text', { class: 'district-name', y: '-26' }, name),
      svg('circle', { r: '18' }), svg('text', { class: 'alarm-count', 'data-field': 'alarm-count', dy: '0.35em' }, '0'));
    badge.addEventListener('click', () => openAlertList({ condition: OPEN_CONDITIONS, area: code }));
    badges.append(badge);
  });
  // Stations above the badges: a badge sits on the district's centroid, often where a station stands.
  map.replaceChildren(districts, badges, svg('g', { class: 'stations', id: 'stations' }));
  $('map-note').textContent = wall.shapes.schematic ? '(ranh giới giản lược, không phải ranh giới hành chính chính thức)' : '';
  renderStations();
  renderAlarmCounts();
}

function centre(ring) {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

function renderStations() {
  if (!wall.project) return;
  const aqi = new Map(((wall.aqi && wall.aqi.stations) || []).map((s) => [s.device, s]));
  const water = new Map(((wall.water && wall.water.items) || []).map((w) => [w.device, w]));
  const marks = [];
  wall.devices.forEach((dev) => {
    const [x, y] = wall.project([dev.lon, dev.lat]);
    if (dev.type === 'air_station') {
      const s = aqi.get(dev.id);
      const fresh = s && !s.stale;
      marks.push(svg('circle', { class: 'station', cx: x, cy: y, r: '9', 'data-device': dev.id,
        'data-aqi': fresh ? s.aqi : '', fill: fresh ? s.colour : NO_DATA_COLOUR },
      svg('title', {}, dev.name + (fresh ? ': VN_AQI ' + s.aqi + ' (' + s.category + ')' : ': chưa có VN_AQI'))));
    } else if (dev.type === 'water_gauge') {
      const w = water.get(dev.id);
      const level = w && !w.stale && w.alertLevel != null ? w.alertLevel : null;
      marks.push(svg('rect', { class: 'gauge', x: x - 9, y: y - 9, width: '18', height: '18',
        transform: 'rotate(45 ' + x + ' ' + y + ')', 'data-device': dev.id, 'data-level': level == null ? '' : level,
        fill: level == null ? NO_DATA_COLOUR : BD_COLOURS[Math.min(level, 3)] },
      svg('title', {}, dev.name + (w && w.level != null ? ': ' + num.format(w.level) + ' m, ' + (w.alertLevelName || 'dưới BĐ I')
        : ': chưa có số liệu'))));
    }
  });
  $('stations').replaceChildren(...marks);
}

function renderAlarmCounts() {
  const counts = new Map();
  wall.open.forEach((a) => { if (a.areaCode) counts.set(a.areaCode, (counts.get(a.areaCode) || 0) + 1); });
  document.querySelectorAll('#map .badge-group').forEach((badge) => {
    const n = counts.get(badge.dataset.area) || 0;
    badge.querySelector('[data-field="alarm-count"]').textContent = num.format(n);
    badge.classList.toggle('zero', n === 0);
  });
  document.querySelectorAll('#map .district').forEach((g) => {
    g.classList.toggle('alarmed', (counts.get(g.dataset.area) || 0) > 0);
  });
}
