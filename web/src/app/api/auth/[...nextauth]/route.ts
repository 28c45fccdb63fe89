import NextAuth from 'next-auth';
import { authOptions } from '@/auth/auth-options';

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context): Promise<Response> {
  return (NextAuth as unknown as (r: Request, c: Context, o: unknown) => Promise<Response>)(
    request,
    context,
    authOptions(),
  );
}

export { handler as GET, handler as POST };
