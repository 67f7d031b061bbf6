// A small graphql-ws (graphql-transport-ws) client for one subscription. The board's pages are signed in by the
// session cookie, which the browser sends with the handshake; a bearer token (production), since browsers cannot set
// headers on a WebSocket, goes in the connection_init payload, which Accord accepts (WebSocketSignIn).
// Reconnects with a growing pause when the connection drops; stop() ends it for good.

export function subscribe({ query, variables, authorization, onNext, onState }) {
  let socket;
  let stopped = false;
  let retry = 0;
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';

  function connect() {
    socket = new WebSocket(url, 'graphql-transport-ws');
    socket.onopen = () => socket.send(JSON.stringify({
      type: 'connection_init', payload: authorization ? { Authorization: authorization } : {}
    }));
    socket.onmessage = event => {
      const message = JSON.parse(event.data);
      switch (message.type) {
        case 'connection_ack':
          retry = 0;
          onState('live');
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
          break;
        case 'next':
          if (message.payload && message.payload.data) onNext(message.payload.data);
          break;
        case 'error':
          onState('refused', (message.payload && message.payload[0] && message.payload[0].message) || 'refused');
          stopped = true;
          socket.close();
          break;
        case 'ping':
          socket.send(JSON.stringify({ type: 'pong' }));
          break;
        default:
          break;
      }
    };
    socket.onclose = event => {
      if (stopped) return;
      if (event.code === 4401 || event.code === 4403) {
        onState('refused', event.reason || 'not signed in');
        return;
      }
      onState('reconnecting');
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 500 * 2 ** retry);
    };
  }

  connect();
  return {
    stop() {
      stopped = true;
      if (socket) socket.close(1000, 'done');
    }
  };
}
