import { computed, Injectable, signal } from '@angular/core';
import type { LoginResponse, Role, SessionUser } from '@jinan/contracts';

const STORAGE_KEY = 'jinan.session';

/** The signed-in user and their bearer token, kept across reloads until the token expires. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly state = signal<LoginResponse | null>(readStored());

  readonly user = computed(() => this.state()?.user ?? null);
  readonly token = computed(() => this.state()?.accessToken ?? null);
  readonly role = computed<Role | null>(() => this.state()?.user.role ?? null);

  start(response: LoginResponse): void {
    this.write(response);
  }

  updateUser(patch: Partial<SessionUser>): void {
    const current = this.state();
    if (current) this.write({ ...current, user: { ...current.user, ...patch } });
  }

  end(): void {
    this.state.set(null);
    localStorage.removeItem(STORAGE_KEY);
  }

  private write(response: LoginResponse): void {
    this.state.set(response);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(response));
  }
}

function readStored(): LoginResponse | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as LoginResponse;
    const payload = JSON.parse(atob(stored.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    // An expired token would only earn a 401 on the first call: start signed out instead.
    if (payload.exp && payload.exp * 1000 < Date.now()) return null;
    return stored;
  } catch {
    return null;
  }
}
