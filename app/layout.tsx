import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/AppHeader";
import { Providers } from "@/components/providers";
import { ServiceStatusBanner } from "@/components/ServiceStatusBanner";
import { THEME_INIT_SCRIPT } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "Durable Lens",
  description: "See and debug AWS Lambda durable executions.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets the `dark` class before React hydrates, so the class may differ from the server's HTML.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* A constant string of our own (no user input): applies the theme before the first paint. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body className="min-h-screen">
        <Providers>
          <AppHeader />
          <ServiceStatusBanner />
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
