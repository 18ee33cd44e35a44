/**
 * A presentation's shared state: which slide, black screen or not, dark or light theme.
 * The presenter view (laptop) and the projector window are separate windows of the same
 * app; they keep this state in step over a BroadcastChannel, and either can drive it (the
 * clicker may be plugged into either). A window that opens asks the others for the state.
 */
import { moveSlide, type SlideCommand } from '../../lib/domain/slides';

export type SlideTheme = 'dark' | 'light';

interface StateMessage {
  type: 'state';
  materialId: string;
  index: number;
  black: boolean;
  theme: SlideTheme;
}
interface HelloMessage {
  type: 'hello';
  materialId: string;
}

const channelName = 'chung-tay-presentation';

export class Slideshow {
  index = $state(0);
  black = $state(false);
  theme = $state<SlideTheme>('dark');
  /** Another window answered: the two are in step. */
  connected = $state(false);

  private readonly channel: BroadcastChannel | null;
  private readonly materialId: string;
  private readonly count: number;

  constructor(materialId: string, count: number) {
    this.materialId = materialId;
    this.count = count;
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName);
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent<StateMessage | HelloMessage>) => this.receive(event.data);
      this.channel.postMessage({ type: 'hello', materialId } satisfies HelloMessage);
    }
  }

  private receive(message: StateMessage | HelloMessage): void {
    if (message?.materialId !== this.materialId) return;
    this.connected = true;
    if (message.type === 'hello') {
      this.publish();
      return;
    }
    this.index = Math.min(Math.max(0, message.index), this.count - 1);
    this.black = message.black;
    this.theme = message.theme;
  }

  private publish(): void {
    this.channel?.postMessage({
      type: 'state',
      materialId: this.materialId,
      index: this.index,
      black: this.black,
      theme: this.theme,
    } satisfies StateMessage);
  }

  /** Applies a presenter command (not `exit`, which the screen handles) and tells the other windows. */
  command(command: Exclude<SlideCommand, 'exit'>): void {
    if (command === 'black') this.black = !this.black;
    else {
      this.index = moveSlide(this.index, this.count, command);
      // Moving on brings the picture back, as on a projector remote.
      this.black = false;
    }
    this.publish();
  }

  goTo(index: number): void {
    this.index = Math.min(Math.max(0, index), this.count - 1);
    this.black = false;
    this.publish();
  }

  setTheme(theme: SlideTheme): void {
    this.theme = theme;
    this.publish();
  }

  close(): void {
    this.channel?.close();
  }
}
