import { loadConfig, type AppConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { buildApp } from './platform/http/app.ts';
import { clockFor } from './platform/clock.ts';
import { AuditLog } from './platform/audit/audit-log.ts';
import { seedDemo } from './modules/demo/demo.service.ts';
import { interruptStaleJobs } from './modules/imports/imports.repository.ts';

/** Start: open the database → migrate → load the demo if empty → listen. */
export async function serve(config: AppConfig = loadConfig()) {
  const clock = clockFor(config.clockOffsetFile);
  if (config.clockOffsetFile) console.warn(`注意：系统时间按文件 ${config.clockOffsetFile} 中的天数偏移（仅用于测试和培训环境）`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  const applied = await migrate(db);
  if (applied.length > 0) console.log(`数据库迁移：${applied.join(', ')}`);
  const interrupted = await interruptStaleJobs(db.orm, clock.now());
  if (interrupted > 0) console.log(`上次有 ${interrupted} 个导入被中断（未写入数据），已标记，可重新导入`);
  const demo = await seedDemo({ db, config, clock, audit: new AuditLog(db, clock) }, config.demoPassword, console.log, config.demoHouseholds);
  const { app } = await buildApp({ db, config, clock, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });

  const url = `http://localhost:${config.port}/`;
  console.log(`\n增收平台已启动：${url}  （数据库：${db.kind === 'pglite' ? `内嵌 PGlite，目录 ${config.dataDir}` : 'PostgreSQL'}）`);
  console.log(`API 文档：${url}api/docs`);
  if (demo.accounts) {
    console.log('\n演示账号（维西傈僳族自治县）：');
    for (const a of demo.accounts) console.log(`  ${a.username.padEnd(10)} ${a.roleLabel.padEnd(8, '　')} 地区 ${a.regionCode}  ${a.displayName}`);
    console.log(
      demo.passwordGenerated
        ? `  密码（随机生成，只显示这一次，请记下）：${demo.password}`
        : '  密码：环境变量 ZENGSHOU_DEMO_PASSWORD 的值',
    );
  } else {
    console.log('演示账号：clerk reviewer county viewer dept sysadmin secadmin auditor（密码见首次启动时的输出）');
  }

  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return app;
}
