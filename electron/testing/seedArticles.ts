import type { Database } from 'better-sqlite3';

export const seedSections = [
  'Thời sự',
  'Thế giới',
  'Kinh tế',
  'Thể thao',
  'Văn hóa',
  'Quốc phòng',
  'Giáo dục',
  'Sức khỏe',
];
export const seedStatuses = ['draft', 'submitted', 'edited', 'approved', 'exported'] as const;
export const seedReporters = ['Minh Tuấn', 'Thu Hà', 'Ngọc Ánh', 'Quang Huy', 'Đức Anh'];

/**
 * `count` articles written straight into an archive, for the list at scale (benchmark and e2e):
 * article n is in section n mod 8, status n mod 5, by reporter n mod 5, changed a minute after
 * article n − 1 (so the last is the newest), and is not queued for the desk.
 */
export function seedArticles(db: Database, count: number): void {
  const insert = db.prepare(
    `INSERT INTO articles (headline, body, content, section, status, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const start = Date.parse('2024-01-01T00:00:00Z');
  const body = JSON.stringify([{ type: 'paragraph', children: [{ text: 'Nội dung bài viết. '.repeat(20) }] }]);
  db.transaction(() => {
    db.exec('INSERT INTO desk_applying (id) VALUES (1)');
    for (let n = 0; n < count; n += 1) {
      const at = new Date(start + n * 60_000).toISOString();
      const section = seedSections[n % seedSections.length] ?? '';
      insert.run(
        `Bài số ${n}: Hội nghị tổng kết công tác năm, ${section}`,
        body,
        JSON.stringify({ contributors: [{ name: seedReporters[n % seedReporters.length], roles: ['text'] }] }),
        section,
        seedStatuses[n % seedStatuses.length],
        at,
        at,
      );
    }
    db.exec('DELETE FROM desk_applying');
  })();
}
