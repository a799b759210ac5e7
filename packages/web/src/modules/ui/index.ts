export { ErrorNotifierBridge } from './components/ErrorNotifierBridge';
export { ForbiddenResult } from './components/ForbiddenResult';
export { FullPageSpin } from './components/FullPageSpin';
export { LoadErrorResult } from './components/LoadErrorResult';
export { JsonView } from './components/JsonView';
export { NotFoundResult } from './components/NotFoundResult';
export { PageContainer } from './components/PageContainer';
export { formatDateTime } from './formatDateTime';
