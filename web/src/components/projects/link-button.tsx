'use client';
import { Button, type ButtonProps } from '@mantine/core';
import Link from 'next/link';

/** A Mantine button that navigates (server components cannot hand `component={Link}` over). */
export function LinkButton({ href, ...props }: ButtonProps & { href: string }) {
  return <Button component={Link} href={href} {...props} />;
}
