import { useEffect } from 'react';
import { App } from 'antd';
import { setErrorNotifier } from '../../api';

/** Routes errors raised outside React (query cache) to antd's context-aware message API. */
export function ErrorNotifierBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    setErrorNotifier((text) => {
      void message.error(text);
    });
  }, [message]);
  return null;
}
