import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// In development (`npm run dev -w @madoguchi/web`) the API runs separately on :3000
// (`npm start`); the proxy keeps cookies same-origin so CSRF and sessions behave as
// in production, where the server itself serves the built app.
const apiTarget = process.env.MADOGUCHI_API ?? 'http://localhost:3000'

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api/v1/realtime': { target: apiTarget.replace(/^http/, 'ws'), ws: true },
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
})
