// Vietnamese by default, English on request (per screen, kept in local storage). The page is written in
// Vietnamese; in English the fixed texts (text nodes, placeholders, titles) and the labels the scripts show
// (states, severities, domains, plan statuses) are looked up here. Alert text is shown as the alert carries it
// (the alerting module writes Vietnamese with English alongside); messages after an action stay Vietnamese.
'use strict';

const LANG_KEY = 'ioc.console.lang';
const LANG = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
const LOCALE = LANG === 'en' ? 'en-GB' : 'vi-VN';
const EN = {
  'Bảng điều hành cảnh báo — IOC Cần Thơ': 'Operations console — Can Tho IOC', 'Cảnh báo vận hành': 'Operations alerts',
  'Tổng quan': 'Overview', 'Cảnh báo': 'Alerts', 'Ca trực': 'Shift', 'Bảo trì': 'Maintenance', 'Chỉ tiêu': 'KPIs',
  'Giải trình': 'Explanations', 'Màn hình lớn': 'Wall mode', 'Chuông: bật': 'Bell: on', 'Chuông: tắt': 'Bell: off',
  'Cho phép thông báo': 'Allow notifications', 'Đăng xuất': 'Sign out', 'Chưa kết nối': 'Not connected',
  'Trực tuyến': 'Online', 'Đang kết nối…': 'Connecting…', 'Đơn vị': 'Department',
  'Mã truy cập (API token)': 'Access token (API token)', 'Kết nối': 'Connect',
  'Bản đồ cảnh báo theo quận': 'Alerts by district', 'Trạm không khí (màu VN_AQI)': 'Air station (VN_AQI colour)',
  'Trạm thủy văn (BĐ: xanh < I, vàng I, cam II, đỏ III)': 'River gauge (flood level: blue < I, yellow I, orange II, red III)',
  'Cảnh báo đang mở của quận — bấm để xem danh sách': 'Open alerts of the district — click for the list',
  'Tình trạng': 'Condition', 'Xử lý': 'Handling', 'Mức độ': 'Severity', 'Lĩnh vực': 'Domain', 'Khu vực': 'Area',
  'Phụ trách': 'Assignee', 'Tôi là': 'I am', 'Giao cho tôi': 'Assigned to me', 'Tất cả': 'All', 'Đang mở': 'Open',
  'Danh sách cảnh báo': 'Alerts', 'Lần cuối': 'Last seen', 'Không có cảnh báo nào khớp bộ lọc.': 'No alert matches the filters.',
  'đã chọn': 'selected', 'Xác nhận tất cả': 'Acknowledge all', 'Đóng tất cả': 'Resolve all', 'Giao việc': 'Assign',
  'Ghi chú / lý do': 'Note / reason', 'Xác nhận': 'Acknowledge', 'Bỏ xác nhận': 'Unacknowledge', 'Ghi chú': 'Comment',
  'Đóng cảnh báo': 'Resolve', 'Tạm hoãn': 'Snooze', '1 giờ': '1 hour', '2 giờ': '2 hours', '4 giờ': '4 hours',
  '8 giờ': '8 hours', '1 ngày': '1 day', '3 ngày': '3 days', '7 ngày': '7 days', 'Nhật ký xử lý': 'Audit trail',
  'Thời điểm': 'Time', 'Sự kiện': 'Event', 'Người thực hiện': 'Actor', 'Phím tắt:': 'Shortcuts:',
  'chọn cảnh báo kế tiếp/trước,': 'next/previous alert,', 'xác nhận,': 'acknowledge,',
  'đóng cảnh báo (kèm ghi chú trong ô “Ghi chú / lý do”),': 'resolve (with the note typed under “Note / reason”),',
  'chọn/bỏ chọn để xử lý hàng loạt.': 'tick for bulk actions.',
  'Bàn giao ca trực': 'Shift handover', 'Người phụ trách': 'Assignee', 'Chưa xác nhận': 'Unacknowledged',
  'Cao / Nghiêm trọng': 'Major / Critical', 'Bàn giao cảnh báo của tôi cho': 'Hand my alerts over to',
  'Ghi chú bàn giao': 'Handover note', 'Bàn giao': 'Hand over', 'Nhận ca của': 'Take the shift of', 'Nhận ca': 'Take shift',
  'Các cảnh báo đang mở theo người phụ trách (cập nhật trực tiếp). Tên của bạn là ô “Tôi là”.':
    'Open alerts per assignee (live). Your name is the “I am” field.',
  'Thời gian bảo trì (tạm im cảnh báo)': 'Maintenance windows (silences)', 'Thời lượng': 'Duration', 'Lý do': 'Reason',
  'Xem trước cảnh báo khớp': 'Preview matching alerts', 'Bắt đầu bảo trì': 'Start maintenance',
  'Cảnh báo đang mở sẽ bị tạm im': 'Open alerts that will be silenced', 'Đang bảo trì và sắp tới': 'Active and upcoming',
  'Điều kiện': 'Matchers', 'Từ': 'From', 'Đến': 'Until', 'Người tạo': 'Created by', 'Kết thúc': 'End',
  'Chỉ tiêu so với kế hoạch': 'KPIs against the plan', 'Nguy cơ không đạt': 'At risk', 'Đang tiến triển': 'Progressing',
  'Đạt kế hoạch': 'On track', 'Chưa đủ cơ sở đánh giá': 'Not yet judgeable', 'Chưa đủ cơ sở': 'Not yet judgeable',
  'Trạng thái': 'Status', 'Đơn vị / địa bàn': 'Unit / area', 'Kỳ': 'Period', 'Giá trị': 'Value', 'Mục tiêu': 'Target',
  'So kỳ trước': 'vs previous', 'So cùng kỳ': 'vs last year', 'Yêu cầu giải trình': 'Request explanation',
  'Chưa có số liệu chỉ tiêu của lĩnh vực này.': 'No KPI values for this domain yet.',
  'Yêu cầu giải trình:': 'Request for explanation:', 'Gửi đơn vị (mã)': 'To unit (id)', 'Hạn trả lời': 'Due',
  'Nội dung': 'Message', 'Gửi yêu cầu': 'Send request', 'Hủy': 'Cancel', 'Đang chờ': 'Open', '· Đã trả lời': '· Answered',
  '· Quá hạn': '· Overdue', 'Đang chờ trả lời': 'Awaiting answer', 'Đã trả lời': 'Answered', 'Quá hạn': 'Overdue',
  'Gửi': 'Sent', 'Hạn': 'Due', 'Người yêu cầu': 'Requested by', 'Xem thêm': 'More', 'Nội dung giải trình': 'Explanation',
  'Gửi giải trình': 'Send explanation', 'Các bước': 'Steps', 'chưa có số liệu': 'no data yet',
  // States, severities, events (console.js LABELS)
  'Bình thường': 'OK', 'Chờ xác định': 'Pending', 'Đang báo động': 'Firing', 'Đang hồi phục': 'Recovering',
  'Đã kết thúc': 'Resolved', 'Mất dữ liệu': 'No data', 'Đã xác nhận': 'Acknowledged', 'Nghiêm trọng': 'Critical',
  'Cao': 'Major', 'Cảnh giác': 'Warning', 'Thông tin': 'Info', 'Phát sinh': 'Opened', 'Đổi mức độ': 'Severity changed',
  'Tái phát': 'Re-triggered', 'Kết thúc (quy tắc)': 'Resolved (rule)', 'Có dữ liệu lại': 'Data returned',
  'Dao động': 'Flapping', 'Hết dao động': 'Flapping ended', 'Lặp lại': 'Repeated', 'Bỏ qua': 'Ignored',
  'Bỏ giao việc': 'Unassigned', 'Đóng thủ công': 'Resolved by hand', 'Hết tạm hoãn': 'Unsnoozed', 'Leo thang': 'Escalated',
  'Đã gửi yêu cầu': 'Requested', 'Đơn vị đã xem': 'Read by the unit', 'Đơn vị đã trả lời': 'Answered by the unit',
  'Cảnh báo quá hạn': 'Overdue alert', 'Toàn thành phố': 'Whole city', '(chưa giao)': '(unassigned)',
  // Domains
  'Môi trường': 'Environment', 'An ninh trật tự, giao thông': 'Public order and traffic', 'Chính quyền': 'Government',
  'Phản ánh của người dân': 'Citizen feedback', 'Du lịch': 'Tourism', 'Thông tin trên mạng': 'Online information',
  'An toàn thông tin': 'Cybersecurity', 'Kinh tế - xã hội': 'Socio-economy',
  // Placeholders and titles
  'tên như khi được giao việc': 'name as used in assignments', 'Ghi chú cho cả nhóm': 'Note for all of them',
  'Giao cho': 'Assign to', 'Người nhận ca': 'Next on shift', 'Tình hình, việc còn dở': 'Situation, open work',
  'Ví dụ: đã báo đội xử lý môi trường': 'e.g. environment team informed', 'Bảo trì trạm': 'Station maintenance',
  'Chọn tất cả': 'Select all', 'Chữ lớn cho màn hình tường, chỉ phần tổng quan': 'Large type for the video wall, overview only',
  'Chuông và thông báo khi có cảnh báo Cao / Nghiêm trọng mới (riêng màn hình này)':
    'Bell and notification on new Major / Critical alerts (this screen only)',
};

/** The text in the screen's language: English when chosen and known, else as written. */
function tr(vi) {
  return LANG === 'en' && Object.prototype.hasOwnProperty.call(EN, vi) ? EN[vi] : vi;
}

function translatePage() {
  if (LANG !== 'en') return;
  document.documentElement.lang = 'en';
  document.title = tr(document.title);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    if (text && EN[text]) node.nodeValue = node.nodeValue.replace(text, EN[text]);
  }
  document.querySelectorAll('[placeholder], [title]').forEach((e) => {
    ['placeholder', 'title'].forEach((a) => { if (e.hasAttribute(a)) e.setAttribute(a, tr(e.getAttribute(a))); });
  });
}

document.addEventListener('DOMContentLoaded', () => {
  translatePage();
  const toggle = document.getElementById('lang');
  toggle.textContent = LANG === 'en' ? 'Tiếng Việt' : 'English';
  toggle.addEventListener('click', () => {
    localStorage.setItem(LANG_KEY, LANG === 'en' ? 'vi' : 'en');
    location.reload();
  });
});
