import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Spin } from 'antd';
import { Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { ApiError } from './api';
import { LocaleProvider } from './locale';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // A 4xx answer will not change on retry; a dropped connection might.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
    },
  },
});

/** The staff's session is the office side's (router.tsx); the portal keeps the resident's. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
          <RouterProvider router={router} />
        </Suspense>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
